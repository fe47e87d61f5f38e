package io.mailsweep.net.access;

import static io.mailsweep.net.access.AccessProtocol.IMAP;
import static io.mailsweep.net.access.AccessProtocol.POP3;
import static io.mailsweep.net.access.AccessProtocol.SUBMISSION;
import static io.mailsweep.net.access.AccessSecurity.IMPLICIT_TLS;
import static io.mailsweep.net.access.AccessSecurity.STARTTLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.testing.access.AccessScenario;
import io.mailsweep.testing.access.LabAccessServer;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access probe against {@link LabAccessServer} over loopback: every protocol and security
 * reaching TLS, what the capabilities say about logging in before TLS, and the hostile servers.
 * After every test, each server's record must hold no command that carries a credential.
 */
class SocketAccessProbeTest {
  static final Duration CONNECT = Duration.ofMillis(500);
  static final Duration GREETING = Duration.ofMillis(500);
  static final Duration COMMAND = Duration.ofMillis(800);
  static final Duration TOTAL = Duration.ofSeconds(5);

  /** Scheduling slack on a busy two-core machine. */
  private static final Duration MARGIN = Duration.ofMillis(400);

  private static final AccessSettings TIGHT = AccessSettings.DEFAULTS.withTimeouts(CONNECT, GREETING, COMMAND, TOTAL);

  private static TestCa ca;
  private static HeldCertificate mail;

  private final List<LabAccessServer> servers = new ArrayList<>();

  @BeforeAll
  static void mint() {
    ca = TestCa.create("Lab CA");
    mail = ca.issue("mail.test");
  }

  @AfterEach
  void noCredentialWasEverSent() {
    try {
      for (LabAccessServer s : servers) {
        assertThat(s.credentialCommands()).as("commands carrying credentials").isEmpty();
      }
    } finally {
      servers.forEach(LabAccessServer::close);
    }
  }

  static Stream<Arguments> everyWayToTls() {
    return Stream.of(
        Arguments.of(IMAP, STARTTLS, List.of("a1 CAPABILITY", "a2 STARTTLS", "a3 LOGOUT")),
        Arguments.of(IMAP, IMPLICIT_TLS, List.of("a1 CAPABILITY", "a2 LOGOUT")),
        Arguments.of(POP3, STARTTLS, List.of("CAPA", "STLS", "QUIT")),
        Arguments.of(POP3, IMPLICIT_TLS, List.of("CAPA", "QUIT")),
        Arguments.of(SUBMISSION, STARTTLS, List.of("EHLO mailsweep.invalid", "STARTTLS", "QUIT")),
        Arguments.of(SUBMISSION, IMPLICIT_TLS, List.of("EHLO mailsweep.invalid", "QUIT")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyWayToTls")
  void reachesTls(AccessProtocol protocol, AccessSecurity security, List<String> commands) throws IOException {
    AccessScenario.Builder scenario = security == STARTTLS
        ? AccessScenario.starttls(protocol, mail)
        : AccessScenario.implicitTls(protocol, mail);
    LabAccessServer server = serve(scenario.build());

    AccessProbeResult r = probe(server, protocol, security);

    assertThat(r.outcome()).as(r.detail()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.tlsProtocol()).isEqualTo("TLSv1.3");
    assertThat(r.cipherSuite()).startsWith("TLS_");
    assertThat(r.detail()).isEqualTo("TLSv1.3 " + r.cipherSuite());
    assertThat(r.chain()).isEqualTo(mail.chain());
    assertThat(r.chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=mail.test");
    assertThat(r.greeting()).contains("LabAccessServer");
    assertThat(r.target()).isEqualTo(server.address());
    assertThat(r.protocol()).isEqualTo(protocol);
    assertThat(r.security()).isEqualTo(security);
    String starttls = protocol == POP3 ? "STLS" : "STARTTLS";
    if (security == STARTTLS) {
      assertThat(r.capabilities()).contains(starttls);
      assertThat(r.starttlsAdvertised()).isTrue();
      assertThat(r.loginBeforeTls()).as("typical capabilities: LOGINDISABLED, no USER, no AUTH").isFalse();
    } else {
      assertThat(r.capabilities()).as("learnt over TLS").isNotEmpty().doesNotContain(starttls);
      assertThat(r.starttlsAdvertised()).isFalse();
      assertThat(r.loginBeforeTls()).isNull();
    }
    assertThat(r.loginMechanisms()).isEmpty();
    assertThat(server.commands()).isEqualTo(commands);
    assertThat(server.handshakes()).singleElement().asString().startsWith("TLSv1.3 ");
  }

  @Test
  void imapWithLoginDisabledOffersNoLoginBeforeTls() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail)
        .capabilities("IMAP4rev1", "LOGINDISABLED", "AUTH=GSSAPI").build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.capabilities()).containsExactly("IMAP4REV1", "LOGINDISABLED", "AUTH=GSSAPI", "STARTTLS");
    assertThat(r.loginBeforeTls()).isFalse();
    assertThat(r.loginMechanisms()).containsExactly("AUTH=GSSAPI");
  }

  @Test
  void imapWithoutLoginDisabledOffersLogin() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail).capabilities("IMAP4rev1", "IDLE").build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.loginBeforeTls()).isTrue();
    assertThat(r.loginMechanisms()).containsExactly("LOGIN");
  }

  @Test
  void imapAuthPlainCountsEvenWithLoginDisabled() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail)
        .capabilities("IMAP4rev1", "LOGINDISABLED", "AUTH=PLAIN").build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.loginBeforeTls()).isTrue();
    assertThat(r.loginMechanisms()).containsExactly("AUTH=PLAIN");
  }

  @Test
  void imapCapabilitiesFromTheGreetingNeedNoCapabilityCommand() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail).capabilityInGreeting()
        .capabilities("IMAP4rev1", "AUTH=PLAIN").build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.greeting()).startsWith("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN STARTTLS]");
    assertThat(r.loginMechanisms()).containsExactly("LOGIN", "AUTH=PLAIN");
    assertThat(server.commands()).containsExactly("a1 STARTTLS", "a2 LOGOUT");
  }

  @Test
  void pop3UserOffersLoginBeforeTls() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(POP3, mail)
        .capabilities("TOP", "USER", "SASL PLAIN LOGIN", "UIDL").build());
    AccessProbeResult r = probe(server, POP3, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.capabilities()).containsExactly("TOP", "USER", "SASL PLAIN LOGIN", "UIDL", "STLS");
    assertThat(r.loginBeforeTls()).isTrue();
    assertThat(r.loginMechanisms()).containsExactly("USER", "SASL PLAIN", "SASL LOGIN");
  }

  @Test
  void pop3WithoutCapaStillTriesStls() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(POP3, mail).capabilityUnsupported().build());
    AccessProbeResult r = probe(server, POP3, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.capabilities()).isEmpty();
    assertThat(r.starttlsAdvertised()).as("not learnt").isFalse();
    assertThat(r.loginBeforeTls()).as("not learnt").isNull();
    assertThat(server.commands()).containsExactly("CAPA", "STLS", "QUIT");
  }

  @Test
  void pop3WithoutCapaOrStlsHasNoStarttls() throws IOException {
    LabAccessServer server = serve(AccessScenario.plain(POP3).capabilityUnsupported().build());
    AccessProbeResult r = probe(server, POP3, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.NO_STARTTLS);
    assertThat(r.detail()).isEqualTo("STLS answered -ERR TLS not available after CAPA refused (-ERR unknown command)");
    assertThat(r.loginBeforeTls()).isNull();
  }

  @Test
  void submissionAuthBeforeStarttlsOffersLogin() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(SUBMISSION, mail)
        .capabilities("PIPELINING", "AUTH PLAIN LOGIN", "AUTH=LOGIN", "8BITMIME").build());
    AccessProbeResult r = probe(server, SUBMISSION, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.capabilities()).containsExactly("PIPELINING", "AUTH PLAIN LOGIN", "AUTH=LOGIN", "8BITMIME", "STARTTLS");
    assertThat(r.loginBeforeTls()).isTrue();
    assertThat(r.loginMechanisms()).containsExactly("AUTH PLAIN", "AUTH LOGIN");
  }

  @ParameterizedTest
  @EnumSource(AccessProtocol.class)
  void withoutStarttlsIsNoStarttls(AccessProtocol protocol) throws IOException {
    LabAccessServer server = serve(AccessScenario.plain(protocol).build());
    AccessProbeResult r = probe(server, protocol, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.NO_STARTTLS);
    assertThat(r.detail()).endsWith("not advertised in the " + switch (protocol) {
      case IMAP -> "CAPABILITY response";
      case POP3 -> "CAPA response";
      case SUBMISSION -> "EHLO reply";
    });
    assertThat(r.starttlsAdvertised()).isFalse();
    assertThat(r.tlsProtocol()).isNull();
    assertThat(r.chain()).isEmpty();
    assertThat(server.commands()).hasSize(2).noneMatch(c -> c.contains("STARTTLS") || c.equals("STLS"));
  }

  @ParameterizedTest
  @EnumSource(AccessProtocol.class)
  void refusedStarttlsIsStarttlsRefused(AccessProtocol protocol) throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(protocol, mail).refuseStarttls().build());
    AccessProbeResult r = probe(server, protocol, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.STARTTLS_REFUSED);
    assertThat(r.starttlsAdvertised()).isTrue();
    assertThat(r.detail()).contains(" answered ").containsAnyOf("NO TLS", "-ERR TLS", "454 4.7.0");
    assertThat(server.handshakes()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AccessProtocol.class)
  void refusingGreetingIsRejected(AccessProtocol protocol) throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(protocol, mail).refuseGreeting().build());
    AccessProbeResult r = probe(server, protocol, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.REJECTED);
    assertThat(r.greeting()).isEqualTo(switch (protocol) {
      case IMAP -> "* BYE LabAccessServer refuses you";
      case POP3 -> "-ERR LabAccessServer refuses you";
      case SUBMISSION -> "554 5.7.1 lab.test refuses you";
    });
    assertThat(r.detail()).isEqualTo("greeted with " + r.greeting());
    assertThat(r.loginBeforeTls()).isNull();
    assertThat(server.commands()).isEmpty();
  }

  @Test
  void refusingGreetingOverImplicitTlsKeepsTheHandshake() throws IOException {
    LabAccessServer server = serve(AccessScenario.implicitTls(IMAP, mail).refuseGreeting().build());
    AccessProbeResult r = probe(server, IMAP, IMPLICIT_TLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.REJECTED);
    assertThat(r.tlsProtocol()).isEqualTo("TLSv1.3");
    assertThat(r.chain()).isEqualTo(mail.chain());
  }

  @Test
  void closingWithoutAWordIsRejected() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(POP3, mail).closeOnAccept().build());
    AccessProbeResult r = probe(server, POP3, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.REJECTED);
    assertThat(r.detail()).isEqualTo("connection closed by the server before its greeting");
    assertThat(r.greeting()).isNull();
  }

  @Test
  void silentServerTimesOutWithinTheGreetingTimeout() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail).silent().build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TIMEOUT);
    assertThat(r.detail()).isEqualTo("greeting not received within 500 ms");
    assertThat(r.greeting()).isNull();
    assertThat(r.millis()).isBetween(GREETING.toMillis() - 50, within(GREETING));
  }

  @Test
  void dripFeedIsCutByTheTotalDeadline() throws IOException {
    Duration total = Duration.ofMillis(700);
    AccessSettings patient = TIGHT.withTimeouts(CONNECT, Duration.ofSeconds(20), COMMAND, total);
    // Each octet comes well within any socket timeout: only the deadline can stop this.
    LabAccessServer server = serve(AccessScenario.starttls(SUBMISSION, mail).drip(Duration.ofMillis(40)).build());
    AccessProbeResult r = new SocketAccessProbe(patient).probe(server.address(), SUBMISSION, STARTTLS, null);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TIMEOUT);
    assertThat(r.detail()).isEqualTo("probe deadline reached while waiting for the greeting");
    assertThat(r.millis()).isBetween(total.toMillis() - 50, within(total));
  }

  @Test
  void dripFeedIsCutByTheGreetingTimeout() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(POP3, mail).drip(Duration.ofMillis(40)).build());
    AccessProbeResult r = probe(server, POP3, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TIMEOUT);
    assertThat(r.detail()).isEqualTo("greeting not received within 500 ms");
    assertThat(r.millis()).isLessThan(within(GREETING));
  }

  @Test
  void stalledHandshakeTimesOutWithinTheCommandTimeout() throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, mail)
        .afterReady(AccessScenario.AfterReady.STALL).build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TIMEOUT);
    assertThat(r.detail()).isEqualTo("TLS handshake not finished within 800 ms");
    assertThat(r.starttlsAdvertised()).isTrue();
    assertThat(r.millis()).isLessThan(within(COMMAND));
    assertThat(server.connections()).as("a timeout is not a failed handshake: no fallback").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(AccessProtocol.class)
  void overLongLineIsAProtocolError(AccessProtocol protocol) throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(protocol, mail).longLine(10_000).build());
    AccessProbeResult r = probe(server, protocol, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.PROTOCOL_ERROR);
    assertThat(r.detail()).isEqualTo(AccessFailures.waitingFor(AccessStep.CAPABILITIES, protocol)
        + ": response line longer than 8192 octets");
    assertThat(r.greeting()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(AccessProtocol.class)
  void garbageGreetingIsAProtocolError(AccessProtocol protocol) throws IOException {
    LabAccessServer server = serve(AccessScenario.starttls(protocol, mail).garbageGreeting().build());
    AccessProbeResult r = probe(server, protocol, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.PROTOCOL_ERROR);
    assertThat(r.detail()).startsWith("the greeting: ").contains("??");
    assertThat(r.detail()).matches("[ -~]+");
    assertThat(server.commands()).isEmpty();
  }

  @Test
  void closedPortIsConnectFailed() throws IOException {
    InetSocketAddress closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), LabAccessServer.refusedPort());
    AccessProbeResult r = new SocketAccessProbe(TIGHT).probe(closed, IMAP, IMPLICIT_TLS, null);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.CONNECT_FAILED);
    assertThat(r.detail()).isEqualTo("connection refused");
    assertThat(r.greeting()).isNull();
    assertThat(r.millis()).isLessThan(within(CONNECT));
  }

  @ParameterizedTest
  @EnumSource(value = AccessSecurity.class)
  void tls12OnlyServerNegotiatesTls12(AccessSecurity security) throws IOException {
    AccessScenario.Builder scenario = security == STARTTLS
        ? AccessScenario.starttls(SUBMISSION, mail)
        : AccessScenario.implicitTls(SUBMISSION, mail);
    LabAccessServer server = serve(scenario.tlsProtocols("TLSv1.2").build());
    AccessProbeResult r = probe(server, SUBMISSION, security);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.tlsProtocol()).isEqualTo("TLSv1.2");
    assertThat(r.cipherSuite()).startsWith("TLS_ECDHE_ECDSA_");
  }

  static Stream<Arguments> badCertificates() {
    TestCa lab = TestCa.create("Bad Lab CA");
    return Stream.of(
        Arguments.of("expired", lab.leaf().names("mail.test").expired().issue()),
        Arguments.of("wrong name", lab.issue("other.test")),
        Arguments.of("self-signed", TestCa.selfSigned("mail.test")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCertificates")
  void certificatesAreCapturedNotJudged(String kind, HeldCertificate certificate) throws IOException {
    LabAccessServer server = serve(AccessScenario.implicitTls(POP3, certificate).build());
    AccessProbeResult r = new SocketAccessProbe(TIGHT).probe(server.address(), POP3, IMPLICIT_TLS, "mail.test");
    assertThat(r.outcome()).isEqualTo(AccessOutcome.TLS);
    assertThat(r.chain()).isEqualTo(certificate.chain());
  }

  @Test
  void failedHandshakeIsTriedOnceMoreWithLegacyProtocols() throws IOException {
    // No certificate: the server can complete no handshake at all.
    LabAccessServer server = serve(AccessScenario.starttls(IMAP, null).build());
    AccessProbeResult r = probe(server, IMAP, STARTTLS);
    assertThat(r.outcome()).isEqualTo(AccessOutcome.HANDSHAKE_FAILED);
    assertThat(r.detail()).startsWith("TLS handshake failed: ");
    assertThat(r.starttlsAdvertised()).isTrue();
    assertThat(r.tlsProtocol()).isNull();
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void invalidServerNameIsTheCallersFault() throws IOException {
    LabAccessServer server = serve(AccessScenario.implicitTls(IMAP, mail).build());
    assertThatThrownBy(() -> new SocketAccessProbe(TIGHT).probe(server.address(), IMAP, IMPLICIT_TLS, "not a name"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.connections()).isZero();
  }

  private LabAccessServer serve(AccessScenario scenario) throws IOException {
    LabAccessServer server = LabAccessServer.start(scenario);
    servers.add(server);
    return server;
  }

  private static AccessProbeResult probe(LabAccessServer server, AccessProtocol protocol, AccessSecurity security) {
    return new SocketAccessProbe(TIGHT).probe(server.address(), protocol, security, null);
  }

  private static long within(Duration limit) {
    return limit.plus(MARGIN).toMillis();
  }
}
