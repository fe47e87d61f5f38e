package io.mailsweep.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** {@link LabDnsServer} over real loopback sockets, queried with dnsjava's SimpleResolver. */
class LabDnsServerTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration PATIENT = Duration.ofSeconds(3);

  @TempDir Path dir;
  private LabDnsServer server;

  @BeforeEach
  void start() throws IOException {
    Files.writeString(dir.resolve("lab.test.zone"), LabZones.LAB);
    Files.writeString(dir.resolve("README.txt"), "not a zone: ignored by the *.zone filter");
    server = LabDnsServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersAnAuthoritativeARecord() throws IOException {
    Message m = send(PATIENT, "www.lab.test", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(answers(m, Type.A))
        .extracting(r -> ((ARecord) r).getAddress().getHostAddress())
        .containsExactly("127.0.2.10");
  }

  @Test
  void keepsTheCharacterStringsOfATxtRecordApart() throws IOException {
    List<Record> txt = answers(send(PATIENT, "multi.lab.test", Type.TXT), Type.TXT);
    assertThat(txt).hasSize(1);
    assertThat(((TXTRecord) txt.get(0)).getStrings())
        .containsExactly("v=spf1 ", "include:_spf.lab.test", " -all");
  }

  @Test
  void answersNxdomainWithTheSoa() throws IOException {
    Message m = send(PATIENT, "nope.lab.test", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.SOA);
  }

  @Test
  void answersNodataWithTheSoa() throws IOException {
    Message m = send(PATIENT, "www.lab.test", Type.TXT);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    assertThat(m.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.SOA);
  }

  @Test
  void chasesACnameInsideTheServedZones() throws IOException {
    Message m = send(PATIENT, "alias.lab.test", Type.A);
    assertThat(answers(m, Type.CNAME))
        .extracting(r -> ((CNAMERecord) r).getTarget())
        .containsExactly(name("www.lab.test"));
    assertThat(answers(m, Type.A))
        .extracting(Record::getName)
        .containsExactly(name("www.lab.test"));
  }

  @Test
  void truncatesOversizedUdpAnswersSoTheResolverRetriesOverTcp() throws IOException {
    SimpleResolver plain = resolver(PATIENT);
    plain.setEDNS(-1, 0, 0, List.of());
    plain.setIgnoreTruncation(true);
    Message truncated = plain.send(query("big.lab.test", Type.TXT));
    assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(truncated.getSection(Section.ANSWER)).isEmpty();

    plain.setIgnoreTruncation(false);
    long tcpBefore = server.tcpQueries();
    Message full = plain.send(query("big.lab.test", Type.TXT));
    assertThat(full.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(answers(full, Type.TXT)).hasSize(LabZones.BIG_TXT_RECORDS);
    assertThat(server.tcpQueries()).isEqualTo(tcpBefore + 1);
    assertThat(server.queryCount("BIG.lab.test.", "txt")).isEqualTo(3);
  }

  @Test
  void timeoutFaultNeverAnswers() {
    server.fault("www.lab.test", "*", Fault.timeout());
    assertThatThrownBy(() -> send(SHORT, "www.lab.test", Type.A)).isInstanceOf(IOException.class);
    assertThat(server.queryCount("www.lab.test", "A")).isEqualTo(1);
    assertThat(server.queryCount("www.lab.test", "*")).isEqualTo(1);
    assertThat(server.totalQueries()).isEqualTo(1);
  }

  @Test
  void servfailFaultAnswersServfail() throws IOException {
    server.fault("www.lab.test", "A", Fault.servfail());
    assertThat(send(PATIENT, "www.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(send(PATIENT, "www.lab.test", Type.AAAA).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void refusesNamesOutsideTheServedZones() throws IOException {
    assertThat(send(PATIENT, "www.example.org", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void delayFaultAnswersAfterAtLeastTheDelay() throws IOException {
    server.fault("slow.lab.test", "TXT", Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    Message m = send(PATIENT, "slow.lab.test", Type.TXT);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(answers(m, Type.TXT)).hasSize(1);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void servfailFirstFailsTwiceThenAnswersCountingEachQueryTypeApart() throws IOException {
    server.fault("flaky.lab.test", "*", Fault.servfailFirst(2));
    assertThat(send(PATIENT, "flaky.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(send(PATIENT, "flaky.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(answers(send(PATIENT, "flaky.lab.test", Type.A), Type.A)).hasSize(1);
    assertThat(send(PATIENT, "flaky.lab.test", Type.TXT).getRcode()).isEqualTo(Rcode.SERVFAIL);
  }

  @Test
  void theFirstMatchingRuleWins() throws IOException {
    server.fault("www.lab.test", "*", Fault.servfail());
    server.fault("www.lab.test", "A", Fault.refused());
    assertThat(send(PATIENT, "www.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    server.fault("WWW.lab.test.", "*", Fault.refused());
    assertThat(send(PATIENT, "www.lab.test", Type.AAAA).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void truncateFaultForcesTcpEvenForSmallAnswers() throws IOException {
    server.fault("www.lab.test", "A", Fault.truncate());
    assertThat(answers(send(PATIENT, "www.lab.test", Type.A), Type.A)).hasSize(1);
    assertThat(server.tcpQueries()).isEqualTo(1);
  }

  @Test
  void loadsFaultsFromAFile() throws IOException {
    Path faults = dir.resolve("faults.txt");
    Files.writeString(
        faults,
        String.join(
            "\n",
            "# scripted misbehaviour",
            "",
            "SERVFAIL.lab.test  *    SERVFAIL   # any case",
            "www.lab.test       TXT  REFUSED",
            "flaky.lab.test     *    servfail_first 1"));
    server.close();
    server = LabDnsServer.start(dir, faults);
    assertThat(send(PATIENT, "servfail.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(send(PATIENT, "www.lab.test", Type.TXT).getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(send(PATIENT, "www.lab.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(send(PATIENT, "flaky.lab.test", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(send(PATIENT, "flaky.lab.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);

    server.clearFaults();
    assertThat(send(PATIENT, "servfail.lab.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
  }

  @Test
  void reportsTheLineNumberOfABadFaultLine() throws IOException {
    Path faults = dir.resolve("faults.txt");
    Files.writeString(faults, "# comment\nwww.lab.test * TIMEOUT\nslow.lab.test TXT DELAY soon\n");
    assertThatThrownBy(() -> server.loadFaults(faults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("soon");
    assertThat(send(PATIENT, "www.lab.test", Type.A).getRcode())
        .as("a bad file adds no rules")
        .isEqualTo(Rcode.NOERROR);
  }

  @Test
  void answersTwoHundredConcurrentQueriesUnderLatency() throws Exception {
    server.setLatency(Duration.ofMillis(50));
    SimpleResolver resolver = resolver(PATIENT);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Message>> inFlight = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        inFlight.add(
            resolver.sendAsync(query("www.lab.test", Type.A), executor).toCompletableFuture());
      }
      CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
          .get(5, TimeUnit.SECONDS);
      assertThat(inFlight)
          .allSatisfy(f -> assertThat(f.join().getRcode()).isEqualTo(Rcode.NOERROR));
      assertThat(server.queryCount("www.lab.test", "A")).isEqualTo(200);
    } finally {
      executor.shutdownNow();
    }
  }

  private Message send(Duration timeout, String name, int type) throws IOException {
    return resolver(timeout).send(query(name, type));
  }

  private SimpleResolver resolver(Duration timeout) {
    SimpleResolver resolver = new SimpleResolver(server.socketAddress());
    resolver.setTimeout(timeout);
    return resolver;
  }

  private static Message query(String name, int type) {
    return Message.newQuery(Record.newRecord(name(name), type, DClass.IN));
  }

  private static Name name(String text) {
    return Name.fromConstantString(text + ".");
  }

  private static List<Record> answers(Message m, int type) {
    return m.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
  }
}
