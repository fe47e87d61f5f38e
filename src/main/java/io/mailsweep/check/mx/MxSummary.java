package io.mailsweep.check.mx;

import java.util.List;

/** The report cell for a set of MX hosts: {@code 2 hosts: 10 mx1.example.com (2 addresses), ...}. */
final class MxSummary {
  /** Hosts named in full; the rest are counted. */
  static final int SHOWN = 3;
  /** Report cells stay readable; names can be 253 characters long. */
  static final int MAX_LENGTH = 300;

  private MxSummary() {}

  static String of(List<MxHost> hosts, int total) {
    StringBuilder s = new StringBuilder().append(total).append(total == 1 ? " host: " : " hosts: ");
    for (int i = 0; i < Math.min(SHOWN, hosts.size()); i++) {
      MxHost h = hosts.get(i);
      s.append(i == 0 ? "" : ", ").append(h.preference()).append(' ').append(h.name())
          .append(" (").append(MxEvaluator.count(h.addresses().size())).append(')');
    }
    if (total > SHOWN) {
      s.append(", +").append(total - SHOWN).append(" more");
    }
    return s.length() <= MAX_LENGTH ? s.toString() : s.substring(0, MAX_LENGTH - 3) + "...";
  }
}
