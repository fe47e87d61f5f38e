package io.mailsweep.check.spf;

import java.util.List;
import java.util.Optional;

/** A syntactically valid SPF record: its terms in order (RFC 7208 §4.6). */
public record SpfRecord(String text, List<Term> terms) {
  public SpfRecord {
    terms = List.copyOf(terms);
  }

  public List<Mechanism> mechanisms() {
    return terms.stream().filter(Mechanism.class::isInstance).map(Mechanism.class::cast).toList();
  }

  /** The redirect modifier's domain-spec; the parser guarantees at most one. */
  public Optional<String> redirect() {
    return modifier("redirect");
  }

  /** The exp modifier's domain-spec; the parser guarantees at most one. */
  public Optional<String> exp() {
    return modifier("exp");
  }

  private Optional<String> modifier(String name) {
    return terms.stream()
        .filter(t -> t instanceof Modifier m && m.name().equals(name))
        .map(t -> ((Modifier) t).value())
        .findFirst();
  }
}
