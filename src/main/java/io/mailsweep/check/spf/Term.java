package io.mailsweep.check.spf;

/** A directive (qualifier + mechanism) or a modifier of an SPF record, in record order. */
public sealed interface Term permits Mechanism, Modifier {
  /** The term as it appeared in the record. */
  String text();
}
