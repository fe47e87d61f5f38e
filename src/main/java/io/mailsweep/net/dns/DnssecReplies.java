package io.mailsweep.net.dns;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.dnssec.ValidatingResolver;

/** What a reply says about DNSSEC: whether it is authenticated, and why it is bogus. */
final class DnssecReplies {
  /**
   * Characters of a bogus reason kept for the answer's detail: the validator quotes whole RRsets
   * with their signatures, and a report cell needs only the start.
   */
  static final int MAX_REASON = 300;

  private DnssecReplies() {}

  /** The AD bit (RFC 4035 §3.2.3); meaningful only from a validator we trust. */
  static boolean authenticated(Message reply) {
    return reply.getHeader().getFlag(Flags.AD);
  }

  /**
   * Whether a SERVFAIL from a validating resolver is a DNSSEC failure, by its extended DNS error:
   * DNSSEC Bogus, Signature Expired or Not Yet Valid, DNSKEY Missing, RRSIGs Missing, No Zone Key
   * Bit Set, NSEC Missing (RFC 8914 §4.7-4.13, codes 6-12).
   */
  static boolean bogusByEde(Message reply) {
    ExtendedErrorCodeOption ede = ede(reply);
    return ede != null
        && ede.getErrorCode() >= ExtendedErrorCodeOption.DNSSEC_BOGUS
        && ede.getErrorCode() <= ExtendedErrorCodeOption.NSEC_MISSING;
  }

  /**
   * Why a reply is bogus: the reason dnsjava's validator puts in a TXT record of its private class
   * in the additional section, else the extended DNS error and its text, else a placeholder; at
   * most {@link #MAX_REASON} characters.
   */
  static String reason(Message reply) {
    String reason = fullReason(reply);
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }

  private static String fullReason(Message reply) {
    for (Record r : reply.getSection(Section.ADDITIONAL)) {
      if (r instanceof TXTRecord txt && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
        return String.join("", txt.getStrings());
      }
    }
    ExtendedErrorCodeOption ede = ede(reply);
    if (ede == null) {
      return "no reason given";
    }
    String text = ede.getText();
    return ExtendedErrorCodeOption.text(ede.getErrorCode())
        + (text == null || text.isEmpty() ? "" : ": " + text);
  }

  private static ExtendedErrorCodeOption ede(Message reply) {
    OPTRecord opt = reply.getOPT();
    if (opt == null) {
      return null;
    }
    for (EDNSOption o : opt.getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR)) {
      if (o instanceof ExtendedErrorCodeOption ede) {
        return ede;
      }
    }
    return null;
  }
}
