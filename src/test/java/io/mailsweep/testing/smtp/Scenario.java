package io.mailsweep.testing.smtp;

import io.mailsweep.testing.tls.HeldCertificate;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link LabSmtpServer} does on every connection, as data: one effect per phase of the
 * conversation, in the spirit of okhttp's {@code SocketEffect}. Built with {@link #starttls} or
 * {@link #plain} and the fluent methods of {@link Builder}.
 *
 * @param onAccept what happens right after the connection is accepted
 * @param greetingCode 220 normally, 554 to refuse the client (RFC 5321 §3.1)
 * @param greeting the greeting's lines (several make a multi-line greeting)
 * @param drip the pause before each octet of the greeting when {@code onAccept} is {@link
 *     OnAccept#DRIP}, and of the handshake when {@code afterReady} is {@link AfterReady#DRIP}
 * @param ehloAccepted false answers EHLO with 502 and HELO with 250
 * @param advertiseStarttls whether the EHLO reply lists STARTTLS
 * @param extraEhloLines further extension lines in the EHLO reply (for "too many lines")
 * @param longEhloLine octets of one extra, over-long EHLO line; 0 for none
 * @param starttlsCode 220 to go ahead (RFC 3207 §4), 454 for "TLS not available"
 * @param afterReady what follows the 220 reply to STARTTLS
 * @param certificate the server's certificate and chain; null serves anonymous suites only
 * @param protocols the server's enabled protocols; null for the JDK's defaults, which in the test
 *     JVM include TLSv1 and TLSv1.1 ({@code LegacyTls.enable()} has run)
 * @param cipherSuites the server's enabled suites; null for the JDK's defaults, which in the test
 *     JVM include 3DES
 */
public record Scenario(
    OnAccept onAccept,
    int greetingCode,
    List<String> greeting,
    Duration drip,
    boolean ehloAccepted,
    boolean advertiseStarttls,
    int extraEhloLines,
    int longEhloLine,
    int starttlsCode,
    AfterReady afterReady,
    HeldCertificate certificate,
    List<String> protocols,
    List<String> cipherSuites) {

  /** The start of the conversation. */
  public enum OnAccept {
    GREET,
    /** Sends the greeting one octet per {@code drip}. */
    DRIP,
    /** Never sends the greeting; waits for the client to give up. */
    TARPIT,
    /** Closes the connection without a word. */
    CLOSE
  }

  /** After "220 Ready to start TLS". */
  public enum AfterReady {
    HANDSHAKE,
    /** Closes the connection: the client's handshake fails. */
    DROP,
    /** Reads the ClientHello and never answers. */
    STALL,
    /** Reads the ClientHello, then drips a 16 KiB TLS record one octet per {@code drip}. */
    DRIP
  }

  /** A server that offers STARTTLS and completes the handshake presenting {@code certificate}. */
  public static Builder starttls(HeldCertificate certificate) {
    return new Builder(certificate);
  }

  /** A server without STARTTLS. */
  public static Builder plain() {
    return new Builder(null).noStarttls();
  }

  /** Fluent construction; each method changes one effect. */
  public static final class Builder {
    private OnAccept onAccept = OnAccept.GREET;
    private int greetingCode = 220;
    private List<String> greeting = List.of("lab.test ESMTP LabSmtpServer");
    private Duration drip = Duration.ofMillis(100);
    private boolean ehloAccepted = true;
    private boolean advertiseStarttls = true;
    private int extraEhloLines;
    private int longEhloLine;
    private int starttlsCode = 220;
    private AfterReady afterReady = AfterReady.HANDSHAKE;
    private HeldCertificate certificate;
    private List<String> protocols;
    private List<String> cipherSuites;

    private Builder(HeldCertificate certificate) {
      this.certificate = certificate;
    }

    public Builder greeting(int code, String... lines) {
      this.greetingCode = code;
      this.greeting = List.of(lines);
      return this;
    }

    public Builder drip(Duration pause) {
      this.onAccept = OnAccept.DRIP;
      this.drip = pause;
      return this;
    }

    public Builder tarpit() {
      this.onAccept = OnAccept.TARPIT;
      return this;
    }

    public Builder closeOnAccept() {
      this.onAccept = OnAccept.CLOSE;
      return this;
    }

    public Builder rejectEhlo() {
      this.ehloAccepted = false;
      return this;
    }

    public Builder noStarttls() {
      this.advertiseStarttls = false;
      return this;
    }

    public Builder extraEhloLines(int count) {
      this.extraEhloLines = count;
      return this;
    }

    public Builder longEhloLine(int octets) {
      this.longEhloLine = octets;
      return this;
    }

    public Builder starttlsReply(int code) {
      this.starttlsCode = code;
      return this;
    }

    public Builder afterReady(AfterReady effect) {
      this.afterReady = effect;
      return this;
    }

    /** Drips the handshake instead of the greeting: see {@link AfterReady#DRIP}. */
    public Builder dripHandshake(Duration pause) {
      this.afterReady = AfterReady.DRIP;
      this.drip = pause;
      return this;
    }

    public Builder protocols(String... names) {
      this.protocols = List.of(names);
      return this;
    }

    public Builder cipherSuites(String... names) {
      this.cipherSuites = List.of(names);
      return this;
    }

    public Scenario build() {
      return new Scenario(onAccept, greetingCode, greeting, drip, ehloAccepted, advertiseStarttls, extraEhloLines,
          longEhloLine, starttlsCode, afterReady, certificate, protocols, cipherSuites);
    }
  }
}
