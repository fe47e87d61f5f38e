package io.mailsweep.net.smtp;

import io.mailsweep.net.smtp.ProtocolSupport.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which protocol versions a server accepts: one conversation per version, offering only that
 * version with the strong suites. The version the main handshake negotiated is accepted without
 * asking again: one connection fewer per server, and the answer is the same.
 */
final class VersionProbe {
  private VersionProbe() {}

  /** Newest version first; {@code main} is the main handshake. */
  static List<ProtocolSupport> run(Function<TlsOffer, Attempt> converse, Deadline deadline, TlsSession main) {
    List<ProtocolSupport> result = new ArrayList<>();
    for (String version : TlsOffer.VERSIONS) {
      result.add(one(version, converse, deadline, main));
    }
    return result;
  }

  private static ProtocolSupport one(
      String version, Function<TlsOffer, Attempt> converse, Deadline deadline, TlsSession main) {
    if (version.equals(main.protocol())) {
      return new ProtocolSupport(version, Support.ACCEPTED, null);
    }
    if (!LegacyTls.offers(version)) {
      return new ProtocolSupport(version, Support.UNTESTABLE, LegacyTls.whyNot(version));
    }
    if (deadline.expired()) {
      return new ProtocolSupport(version, Support.NOT_TESTED, "probe deadline reached before this handshake");
    }
    Attempt attempt = converse.apply(TlsOffer.only(version));
    return switch (attempt.outcome()) {
      case TLS -> new ProtocolSupport(version, Support.ACCEPTED, null);
      case HANDSHAKE_FAILED -> new ProtocolSupport(version, Support.REFUSED, null);
      default -> new ProtocolSupport(version, Support.UNTESTABLE,
          "conversation ended " + attempt.outcome() + ": " + attempt.detail());
    };
  }
}
