package io.mailsweep.net.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.testing.https.LabHttpsServer;
import io.mailsweep.testing.https.Reply;
import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The socket fetcher against the lab HTTPS server on loopback, with certificates from a test CA. */
class SocketPolicyFetcherTest {
  static final String HOST = "mta-sts.vendor.test";
  static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.vendor.test\nmax_age: 604800\n";
  static final TestCa CA = TestCa.create("Lab CA");
  static ExecutorService executor;
  static SocketPolicyFetcher fetcher;

  @BeforeAll
  static void start() {
    executor = Executors.newFixedThreadPool(2);
    fetcher = new SocketPolicyFetcher(LabHttpsServer.trusting(CA), HttpsSettings.DEFAULTS, executor);
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  static FetchResult fetch(SocketPolicyFetcher with, LabHttpsServer server) throws Exception {
    return with.fetch(PolicyRequest.mtaSts(DomainName.of(HOST), InetAddress.getByName("127.0.0.1"), server.port()))
        .join();
  }

  static FetchResult fetch(LabHttpsServer server) throws Exception {
    return fetch(fetcher, server);
  }

  static LabHttpsServer serve(HeldCertificate certificate, Reply reply) throws Exception {
    return LabHttpsServer.start(certificate).route(HOST, PolicyRequest.MTA_STS_PATH, reply);
  }

  @Test
  void aPolicyIsFetchedWithSniHostAndUserAgent() throws Exception {
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.policy(POLICY))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.contentType()).isEqualTo("text/plain");
      assertThat(r.body()).isEqualTo(POLICY);
      assertThat(r.detail()).isEqualTo("HTTP 200 OK, text/plain, " + POLICY.length() + " bytes (Content-Length)");
      assertThat(server.requests()).containsExactly(new LabHttpsServer.Request(HOST, HOST + ":" + server.port(),
          PolicyRequest.MTA_STS_PATH, "mailsweep"));
    }
  }

  @Test
  void aBinaryResourceWithAQueryIsFetchedAcceptingAnyType() throws Exception {
    String path = "/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe";
    byte[] key = {(byte) 0x99, 0x00, 0x33, 0x04, (byte) 0xc3, (byte) 0xa9};
    try (LabHttpsServer server = LabHttpsServer.start(CA.issue(HOST)).route(HOST, path, Reply.binary(key))) {
      PolicyRequest request = new PolicyRequest(DomainName.of(HOST), InetAddress.getByName("127.0.0.1"),
          server.port(), path).acceptingAnyType();
      FetchResult r = fetcher.fetch(request).join();
      assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
      assertThat(r.contentType()).isEqualTo("application/octet-stream");
      assertThat(r.bytes()).containsExactly(key);
      assertThat(server.requests()).extracting(LabHttpsServer.Request::path).containsExactly(path);
      FetchResult strict = fetcher.fetch(new PolicyRequest(DomainName.of(HOST), InetAddress.getByName("127.0.0.1"),
          server.port(), path)).join();
      assertThat(strict.outcome()).isEqualTo(FetchOutcome.WRONG_CONTENT_TYPE);
    }
  }

  @Test
  void aChunkedBodyIsReassembled() throws Exception {
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.policy(POLICY).framing(Reply.Framing.CHUNKED))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
      assertThat(r.body()).isEqualTo(POLICY);
      assertThat(r.detail()).endsWith("(chunked)");
    }
  }

  @Test
  void aMissingPolicyIsAnHttpStatus() throws Exception {
    try (LabHttpsServer server = LabHttpsServer.start(CA.issue(HOST))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).isNull();
      assertThat(r.outcome().conclusive()).isTrue();
    }
  }

  @Test
  void aRedirectIsReportedAndNeverFollowed() throws Exception {
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.redirect(301, "https://" + HOST + "/moved.txt"))) {
      server.route("/moved.txt", Reply.policy(POLICY));
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.REDIRECT);
      assertThat(r.status()).isEqualTo(301);
      assertThat(r.location()).isEqualTo("https://" + HOST + "/moved.txt");
      assertThat(server.requests()).extracting(LabHttpsServer.Request::path)
          .containsExactly(PolicyRequest.MTA_STS_PATH);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aCertificateForAnotherNameFailsTls() throws Exception {
    try (LabHttpsServer server = serve(CA.issue("www.vendor.test"), Reply.policy(POLICY))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TLS_FAILED);
      assertThat(r.detail()).startsWith("certificate name mismatch").contains(HOST);
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aSelfSignedCertificateIsNotTrusted() throws Exception {
    try (LabHttpsServer server = serve(TestCa.selfSigned(HOST), Reply.policy(POLICY))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TLS_FAILED);
      assertThat(r.detail()).startsWith("certificate not trusted");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void anExpiredCertificateIsNamedSo() throws Exception {
    try (LabHttpsServer server = serve(CA.leaf().names(HOST).expired().issue(), Reply.policy(POLICY))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TLS_FAILED);
      assertThat(r.detail()).startsWith("certificate expired");
    }
  }

  @Test
  void anotherMediaTypeIsRefused() throws Exception {
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.policy(POLICY).contentType("text/html"))) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.WRONG_CONTENT_TYPE);
      assertThat(r.contentType()).isEqualTo("text/html");
      assertThat(r.body()).isNull();
    }
  }

  @Test
  void anEndlessBodyStopsAtTheLimit() throws Exception {
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.endless())) {
      FetchResult r = fetch(server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
      assertThat(r.detail()).isEqualTo("HTTP 200 OK, body longer than the 65536-byte limit");
      assertThat(r.millis()).isLessThan(HttpsSettings.DEFAULTS.totalDeadline().toMillis());
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (server.abortedWrites() == 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(server.abortedWrites()).as("the server saw the client go away").isEqualTo(1);
    }
  }

  @Test
  void aServerThatNeverAnswersMeetsTheDeadline() throws Exception {
    SocketPolicyFetcher quick = new SocketPolicyFetcher(LabHttpsServer.trusting(CA),
        HttpsSettings.DEFAULTS.withDeadlines(Duration.ofMillis(500), Duration.ofMillis(800)), executor);
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.silent())) {
      FetchResult r = fetch(quick, server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
      assertThat(r.outcome().conclusive()).isFalse();
      assertThat(r.detail()).contains("reading the response");
      assertThat(r.millis()).isBetween(700L, 3000L);
    }
  }

  @Test
  void aStalledHandshakeMeetsTheDeadline() throws Exception {
    SocketPolicyFetcher quick = new SocketPolicyFetcher(LabHttpsServer.trusting(CA),
        HttpsSettings.DEFAULTS.withDeadlines(Duration.ofMillis(500), Duration.ofMillis(800)), executor);
    try (LabHttpsServer server = serve(CA.issue(HOST), Reply.policy(POLICY)).stallHandshakes()) {
      FetchResult r = fetch(quick, server);
      assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
      assertThat(r.detail()).contains("TLS handshake");
      assertThat(r.millis()).isBetween(700L, 3000L);
    }
  }

  @Test
  void nothingListeningIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    FetchResult r = fetcher.fetch(PolicyRequest.mtaSts(DomainName.of(HOST), InetAddress.getByName("127.0.0.1"), port))
        .join();
    assertThat(r.outcome()).isEqualTo(FetchOutcome.CONNECT_FAILED);
    assertThat(r.detail()).startsWith("connect failed:");
    assertThat(r.outcome().conclusive()).isFalse();
  }
}
