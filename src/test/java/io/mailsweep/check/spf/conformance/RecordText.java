package io.mailsweep.check.spf.conformance;

import java.util.ArrayList;
import java.util.List;

/** The RDATA of one suite record in master-file form (RFC 1035 §5.1, RFC 3597 §5 for none). */
final class RecordText {
  private RecordText() {}

  /**
   * @param name the owner as written, for notes
   * @return the RDATA text, or null when the record cannot be served (with a note saying why)
   */
  static String rdata(SuiteRecord r, String name, List<String> notes) {
    try {
      switch (r.type()) {
        case "TXT", "SPF" -> {
          return strings(r.values(), name, notes);
        }
        case "A" -> {
          return dotted(HostLiteral.ipv4(r.value()));
        }
        case "AAAA" -> {
          return groups(HostLiteral.ipv6(r.value()));
        }
        case "MX" -> {
          return preference(r.values().get(0)) + " " + target(r.values().get(1), r, name, notes);
        }
        case "PTR", "CNAME" -> {
          return target(r.value(), r, name, notes);
        }
        default -> throw new IllegalArgumentException("no master-file form for type " + r.type());
      }
    } catch (IllegalArgumentException e) {
      notes.add(name + ": skipped " + r + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * One record's character-strings; a string over 255 octets becomes several, and a record of no
   * strings has empty RDATA, which RFC 1035 §3.3.14 does not allow but the suite asks for.
   */
  private static String strings(List<String> values, String name, List<String> notes) {
    if (values.isEmpty()) {
      notes.add(name + ": a TXT/SPF record with no strings is served with empty RDATA");
      return "\\# 0";
    }
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      List<byte[]> pieces = MasterText.pieces(MasterText.octets(v));
      if (pieces.size() > 1) {
        notes.add(name + ": a string of over 255 octets is split into " + pieces.size());
      }
      pieces.forEach(p -> quoted.add(MasterText.quoted(p)));
    }
    return String.join(" ", quoted);
  }

  private static String target(String text, SuiteRecord r, String name, List<String> notes) {
    if (text.isEmpty()) {
      notes.add(name + ": the empty target of " + r + " is served as the root name");
    }
    return MasterText.absoluteName(text);
  }

  private static String preference(String text) {
    int p = Integer.parseInt(text);
    if (p < 0 || p > 0xffff) {
      throw new IllegalArgumentException("MX preference " + p + " out of range");
    }
    return Integer.toString(p);
  }

  private static String dotted(byte[] a) {
    return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
  }

  /** All eight groups, so that the text never depends on how {@code ::} was placed. */
  private static String groups(byte[] a) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      s.append(i == 0 ? "" : ":")
          .append(Integer.toHexString((a[i] & 0xff) << 8 | (a[i + 1] & 0xff)));
    }
    return s.toString();
  }
}
