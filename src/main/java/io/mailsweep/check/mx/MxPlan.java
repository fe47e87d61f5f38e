package io.mailsweep.check.mx;

import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The MX records of an answer, sorted for resolution: null MX apart, the other hosts by
 * preference then name (duplicates dropped), capped at {@link #MAX_HOSTS}.
 *
 * @param nullMx whether a null MX ("0 .") is present, RFC 7505 §3
 * @param hosts the hosts to resolve, at most {@link #MAX_HOSTS}
 * @param total how many distinct non-null hosts the answer named
 */
record MxPlan(boolean nullMx, List<MxRecord> hosts, int total) {
  /**
   * Hosts resolved per domain. RFC 5321 §5.1 sets no number; senders try a few, and 10 matches the
   * MX cap of RFC 7208 §4.6.4 while bounding the queries one domain can cause.
   */
  static final int MAX_HOSTS = io.mailsweep.check.CheckOptions.MAX_MX_HOSTS;

  static MxPlan of(DnsAnswer mx) {
    return of(mx, MAX_HOSTS);
  }

  MxPlan {
    hosts = List.copyOf(hosts);
  }

  /** The plan with at most {@code maxHosts} hosts (the --max-mx-hosts option). */
  static MxPlan of(DnsAnswer mx, int maxHosts) {
    boolean nullMx = false;
    List<MxRecord> all = new ArrayList<>();
    for (DnsRecord r : mx.records()) {
      MxRecord rec = MxRecord.parse(r.data());
      if (rec == null) {
        continue;
      }
      if (rec.isNull()) {
        nullMx = true;
      } else {
        all.add(rec);
      }
    }
    all.sort(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::exchange));
    List<MxRecord> distinct = new ArrayList<>();
    for (MxRecord rec : all) {
      if (distinct.stream().noneMatch(o -> o.exchange().equals(rec.exchange()))) {
        distinct.add(rec);
      }
    }
    return new MxPlan(nullMx, distinct.subList(0, Math.min(maxHosts, distinct.size())), distinct.size());
  }
}
