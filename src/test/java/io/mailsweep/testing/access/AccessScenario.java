package io.mailsweep.testing.access;

import io.mailsweep.net.access.AccessProtocol;
import io.mailsweep.testing.tls.HeldCertificate;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link LabAccessServer} does on every connection, as data: one protocol, one way of
 * reaching TLS, one effect per phase of the conversation. Built with {@link #starttls}, {@link
 * #implicitTls} or {@link #plain} and the fluent methods of {@link Builder}.
 *
 * @param protocol IMAP, POP3 or submission
 * @param implicitTls whether TLS starts with the connection (RFC 8314 §3.2, §3.3)
 * @param onAccept what happens right after the connection is accepted (and its handshake, for
 *     implicit TLS)
 * @param drip the pause before each octet of the greeting when {@code onAccept} is {@link
 *     OnAccept#DRIP}
 * @param refuseGreeting greets with a refusal ({@code * BYE}, {@code -ERR}, 554) and hangs up
 * @param capabilities what the capability query lists (IMAP atoms, CAPA lines, EHLO keyword lines);
 *     STARTTLS (STLS) is added when {@code advertiseStarttls} and the connection is still plaintext
 * @param capabilityInGreeting IMAP only: the greeting carries a {@code [CAPABILITY ...]} code
 * @param capabilityUnsupported the capability query is refused (IMAP BAD, POP3 {@code -ERR}, SMTP 502)
 * @param advertiseStarttls whether the plaintext capabilities list STARTTLS (STLS)
 * @param refuseStarttls answers STARTTLS (STLS) with IMAP NO, POP3 {@code -ERR}, SMTP 454 even
 *     though it is advertised; a STARTTLS that is not advertised is always refused
 * @param longLine octets of one extra capability line, to go past the client's limit; 0 for none
 * @param afterReady what follows the positive response to STARTTLS
 * @param certificate the server's certificate and chain; required for any handshake
 * @param tlsProtocols the server's enabled protocols; null for the JDK's defaults
 */
public record AccessScenario(
    AccessProtocol protocol,
    boolean implicitTls,
    OnAccept onAccept,
    Duration drip,
    boolean refuseGreeting,
    List<String> capabilities,
    boolean capabilityInGreeting,
    boolean capabilityUnsupported,
    boolean advertiseStarttls,
    boolean refuseStarttls,
    int longLine,
    AfterReady afterReady,
    HeldCertificate certificate,
    List<String> tlsProtocols) {

  /** The start of the conversation. */
  public enum OnAccept {
    GREET,
    /** Sends the greeting one octet per {@code drip}. */
    DRIP,
    /** Never greets; reads and drops whatever comes until the client leaves. */
    SILENT,
    /** Closes the connection without a word. */
    CLOSE,
    /** Greets with a line of binary garbage. */
    GARBAGE
  }

  /** After the positive response to STARTTLS. */
  public enum AfterReady {
    HANDSHAKE,
    /** Reads the ClientHello and never answers. */
    STALL
  }

  /** A server on the plaintext port that offers STARTTLS and completes it presenting {@code certificate}. */
  public static Builder starttls(AccessProtocol protocol, HeldCertificate certificate) {
    return new Builder(protocol, false, certificate);
  }

  /** A server that speaks TLS from the first octet, presenting {@code certificate}. */
  public static Builder implicitTls(AccessProtocol protocol, HeldCertificate certificate) {
    return new Builder(protocol, true, certificate).noStarttls();
  }

  /** A plaintext server without STARTTLS. */
  public static Builder plain(AccessProtocol protocol) {
    return new Builder(protocol, false, null).noStarttls();
  }

  /** What servers of {@code protocol} typically list, STARTTLS aside. */
  static List<String> typicalCapabilities(AccessProtocol protocol) {
    return switch (protocol) {
      case IMAP -> List.of("IMAP4rev1", "SASL-IR", "ID", "ENABLE", "IDLE", "LITERAL+", "LOGINDISABLED");
      case POP3 -> List.of("TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE");
      case SUBMISSION -> List.of("PIPELINING", "SIZE 36700160", "ENHANCEDSTATUSCODES", "8BITMIME");
    };
  }

  /** Fluent construction; each method changes one effect. */
  public static final class Builder {
    private final AccessProtocol protocol;
    private final boolean implicitTls;
    private OnAccept onAccept = OnAccept.GREET;
    private Duration drip = Duration.ofMillis(100);
    private boolean refuseGreeting;
    private List<String> capabilities;
    private boolean capabilityInGreeting;
    private boolean capabilityUnsupported;
    private boolean advertiseStarttls = true;
    private boolean refuseStarttls;
    private int longLine;
    private AfterReady afterReady = AfterReady.HANDSHAKE;
    private final HeldCertificate certificate;
    private List<String> tlsProtocols;

    private Builder(AccessProtocol protocol, boolean implicitTls, HeldCertificate certificate) {
      this.protocol = protocol;
      this.implicitTls = implicitTls;
      this.certificate = certificate;
      this.capabilities = typicalCapabilities(protocol);
    }

    public Builder drip(Duration pause) {
      this.onAccept = OnAccept.DRIP;
      this.drip = pause;
      return this;
    }

    public Builder silent() {
      this.onAccept = OnAccept.SILENT;
      return this;
    }

    public Builder closeOnAccept() {
      this.onAccept = OnAccept.CLOSE;
      return this;
    }

    public Builder garbageGreeting() {
      this.onAccept = OnAccept.GARBAGE;
      return this;
    }

    public Builder refuseGreeting() {
      this.refuseGreeting = true;
      return this;
    }

    /** Replaces the capability list (STARTTLS aside, which {@link #noStarttls()} controls). */
    public Builder capabilities(String... items) {
      this.capabilities = List.of(items);
      return this;
    }

    public Builder capabilityInGreeting() {
      this.capabilityInGreeting = true;
      return this;
    }

    public Builder capabilityUnsupported() {
      this.capabilityUnsupported = true;
      return this;
    }

    public Builder noStarttls() {
      this.advertiseStarttls = false;
      return this;
    }

    public Builder refuseStarttls() {
      this.refuseStarttls = true;
      return this;
    }

    public Builder longLine(int octets) {
      this.longLine = octets;
      return this;
    }

    public Builder afterReady(AfterReady effect) {
      this.afterReady = effect;
      return this;
    }

    public Builder tlsProtocols(String... names) {
      this.tlsProtocols = List.of(names);
      return this;
    }

    public AccessScenario build() {
      return new AccessScenario(protocol, implicitTls, onAccept, drip, refuseGreeting, capabilities,
          capabilityInGreeting, capabilityUnsupported, advertiseStarttls, refuseStarttls, longLine, afterReady,
          certificate, tlsProtocols);
    }
  }
}
