package io.mailsweep.check.dmarc;

import io.mailsweep.check.CheckResult.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The named values of a readable DMARC record that compliance profiles test (RFC 7489 §6.3):
 * {@code p}, {@code sp} and {@code np} as published (the last two only when present),
 * {@code policy} (the one that applies to the domain: p, sp or np by where the record was found),
 * {@code pct}, {@code t} ({@code y} or {@code n}), {@code adkim} and {@code aspf} ({@code r} or
 * {@code s}), {@code rua} and {@code ruf} (the well-formed destinations as {@code mailto:address},
 * comma-separated, only when any) and {@code owner} (the domain whose record it is).
 */
public final class DmarcAttributes {
  public static final String P = "p";
  public static final String SP = "sp";
  public static final String NP = "np";
  public static final String POLICY = "policy";
  public static final String PCT = "pct";
  public static final String T = "t";
  public static final String ADKIM = "adkim";
  public static final String ASPF = "aspf";
  public static final String RUA = "rua";
  public static final String RUF = "ruf";
  public static final String OWNER = "owner";
  /** Every name a DMARC result can carry. */
  public static final List<String> NAMES = List.of(P, SP, NP, POLICY, PCT, T, ADKIM, ASPF, RUA, RUF, OWNER);

  private DmarcAttributes() {}

  static List<Attribute> of(DmarcRecord record, DmarcRecord.Scope scope, String owner) {
    List<Attribute> out = new ArrayList<>();
    out.add(new Attribute(P, record.p().token()));
    if (record.sp() != null) {
      out.add(new Attribute(SP, record.sp().token()));
    }
    if (record.np() != null) {
      out.add(new Attribute(NP, record.np().token()));
    }
    out.add(new Attribute(POLICY, record.policyFor(scope).token()));
    out.add(new Attribute(PCT, Integer.toString(record.pct())));
    out.add(new Attribute(T, record.testing() ? "y" : "n"));
    out.add(new Attribute(ADKIM, record.adkim().token()));
    out.add(new Attribute(ASPF, record.aspf().token()));
    addUris(out, RUA, record.aggregate());
    addUris(out, RUF, record.failure());
    out.add(new Attribute(OWNER, owner));
    return out;
  }

  private static void addUris(List<Attribute> out, String name, List<ReportUri> uris) {
    if (!uris.isEmpty()) {
      out.add(new Attribute(name, uris.stream().map(u -> "mailto:" + u.address()).collect(Collectors.joining(","))));
    }
  }
}
