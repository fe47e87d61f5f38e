package io.mailsweep.net.access;

import java.io.IOException;

/**
 * The protocol-specific half of a conversation: how one protocol greets, lists capabilities,
 * starts TLS and says goodbye. Implementations only send capability queries, the STARTTLS command
 * and the closing command; malformed responses throw {@link AccessProtocolException}.
 */
interface Dialect {
  /** Reads the greeting. */
  Reply greeting() throws IOException;

  /** Learns the capabilities, from the greeting when it carried them, else by asking. */
  Capabilities capabilities() throws IOException;

  /** Sends STARTTLS (STLS); positive means the handshake is to follow at once. */
  Reply startTls() throws IOException;

  /** Sends the closing command and reads its response. */
  void close() throws IOException;

  static Dialect of(AccessProtocol protocol, Channel channel, AccessSettings settings) {
    return switch (protocol) {
      case IMAP -> new ImapDialect(channel);
      case POP3 -> new Pop3Dialect(channel);
      case SUBMISSION -> new SubmissionDialect(channel, settings.ehloName());
    };
  }

  /** {@code text} cut for quoting in a one-line detail. */
  static String quote(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }
}
