package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Scenario zones served by the lab server on 127.0.0.1 answer, over the wire, what the suite wrote:
 * records of each type, multi-string and empty TXT, raw octets, and names that time out.
 */
class ScenarioZoneServingTest {
  private static final Duration PATIENT = Duration.ofSeconds(3);

  @TempDir static Path dir;
  private static final List<LabDnsServer> servers = new ArrayList<>();
  private static LabDnsServer initial;
  private static LabDnsServer lookup;
  private static LabDnsServer ptr;
  private static LabDnsServer mx;
  private static LabDnsServer macros;
  private static ExecutorService executor;
  private static List<SuiteScenario> suite;

  @BeforeAll
  static void start() throws Exception {
    suite = SuiteLoader.loadResource();
    initial = serve("Initial processing");
    lookup = serve("Record lookup");
    ptr = serve("PTR mechanism syntax");
    mx = serve("MX mechanism syntax");
    macros = serve("Macro expansion rules");
    executor = Executors.newFixedThreadPool(2);
  }

  private static SuiteScenario scenario(String description) {
    return suite.stream()
        .filter(s -> s.description().equals(description))
        .findFirst()
        .orElseThrow();
  }

  private static LabDnsServer serve(String description) throws IOException {
    LabDnsServer server =
        SuiteZones.build(scenario(description)).serve(dir.resolve(servers.size() + ".zone"));
    servers.add(server);
    return server;
  }

  @AfterAll
  static void stop() {
    servers.forEach(LabDnsServer::close);
    executor.shutdownNow();
  }

  @Test
  void listensOnLoopbackOnly() {
    servers.forEach(s -> assertThat(s.address().getHostAddress()).isEqualTo("127.0.0.1"));
  }

  @Test
  void multiStringAndEmptyTxtRecordsKeepTheirStrings() throws Exception {
    List<List<String>> records = new ArrayList<>();
    for (Record r : answers(initial, "null.example.com", Type.TXT)) {
      records.add(((TXTRecord) r).getStrings());
    }
    assertThat(records)
        .containsExactlyInAnyOrder(List.of("v=spf1 ip4:", "192.0.2.5 -all"), List.of());
  }

  @Test
  void spfTypeRecordsAreServedBesideTheirTxtCopies() throws Exception {
    List<Record> spf = answers(initial, "null.example.com", Type.SPF);
    assertThat(spf).hasSize(2).allMatch(r -> r instanceof SPFRecord);
    assertThat(answers(lookup, "both.example.net", Type.TXT)).hasSize(1);
    assertThat(answers(lookup, "both.example.net", Type.SPF)).hasSize(1);
  }

  @Test
  void nonAsciiAndControlOctetsAreServedVerbatim() throws Exception {
    TXTRecord hosed = (TXTRecord) answers(initial, "hosed.example.com", Type.TXT).get(0);
    byte[] octets = hosed.getStringsAsByteArrays().get(0);
    assertThat(new String(octets, StandardCharsets.ISO_8859_1))
        .isEqualTo("v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all");
    TXTRecord ctrl = (TXTRecord) answers(initial, "ctrl.example.com", Type.TXT).get(0);
    assertThat(ctrl.getStringsAsByteArrays())
        .containsExactly("v=spf1 a:ctrl.example.com\rptr -all".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void addressRecords() throws Exception {
    assertThat(((ARecord) answers(initial, "ctrl.example.com", Type.A).get(0)).getAddress())
        .isEqualTo(HostLiteral.parse("192.0.2.3"));
    assertThat(((AAAARecord) answers(ptr, "e3.example.com", Type.AAAA).get(0)).getAddress())
        .isEqualTo(HostLiteral.parse("cafe:babe::1"));
  }

  @Test
  void ptrAndCnameTargets() throws Exception {
    assertThat(answers(ptr, "4.3.2.1.in-addr.arpa", Type.PTR))
        .extracting(r -> ((PTRRecord) r).getTarget().toString())
        .containsExactlyInAnyOrder("e3.example.com.", "e4.example.com.", "mail.example.com.");
    Message loop = send(ptr, "loop4.example.com", Type.A);
    assertThat(loop.getSection(Section.ANSWER))
        .extracting(r -> ((CNAMERecord) r).getTarget().toString())
        .containsExactly("CNAME.example.com.", "CNAME.example.com.");
  }

  @Test
  void mxRecordsIncludingTheEmptyTarget() throws Exception {
    assertThat(answers(mx, "mail.example.com", Type.MX))
        .extracting(r -> ((MXRecord) r).getPriority() + " " + ((MXRecord) r).getTarget())
        .containsExactly("0 .");
  }

  @Test
  void namesWithSpacesAreServed() throws Exception {
    String name = "macro%percent\\032\\032space%20url-space.example.com";
    assertThat(answers(macros, name, Type.A))
        .extracting(r -> r.getName().getLabelString(0))
        .containsExactly("macro%percent\\032\\032space%20url-space");
  }

  @Test
  void unknownNamesAreNxdomainAndTxtNoneIsNodata() throws Exception {
    assertThat(send(lookup, "nowhere.example.net", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    Message spfOnly = send(lookup, "spfonly.example.net", Type.TXT);
    assertThat(spfOnly.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(spfOnly.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void timeoutNamesNeverAnswerTheirTimedOutTypes() throws Exception {
    assertTimesOut(initial, "example.com", Type.TXT);
    assertTimesOut(initial, "example.com", Type.A);
    assertTimesOut(lookup, "alltimeout.example.net", Type.TXT);
    assertTimesOut(lookup, "txttimeout.example.net", Type.TXT);
    assertThat(answers(lookup, "txttimeout.example.net", Type.SPF)).hasSize(1);
    assertThat(answers(lookup, "spftimeout.example.net", Type.TXT)).hasSize(1);
    assertTimesOut(lookup, "spftimeout.example.net", Type.SPF);
  }

  @Test
  void theProductionAdapterSeesJoinedTextAndTimeouts() throws Exception {
    ScenarioZone zone = SuiteZones.build(scenario("Initial processing"));
    try (ScenarioServer fixture = new ScenarioServer(zone, dir.resolve("adapter.zone"), executor)) {
      Dns dns = fixture.dns();
      DnsAnswer joined = query(dns, "null.example.com", RecordType.TXT);
      assertThat(joined.status()).isEqualTo(DnsStatus.ANSWER);
      assertThat(joined.records())
          .extracting(DnsRecord::joinedText)
          .containsExactlyInAnyOrder("v=spf1 ip4:192.0.2.5 -all", "");
      long start = System.nanoTime();
      assertThat(query(dns, "example.com", RecordType.TXT).status()).isEqualTo(DnsStatus.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  private static DnsAnswer query(Dns dns, String name, RecordType type) throws Exception {
    return dns.query(DomainName.of(name), type).get(5, TimeUnit.SECONDS);
  }

  private static void assertTimesOut(LabDnsServer server, String name, int type) {
    long before = server.queryCount(name, Type.string(type));
    assertThatThrownBy(() -> send(server, name, type, Duration.ofMillis(300)))
        .isInstanceOf(IOException.class);
    assertThat(server.queryCount(name, Type.string(type))).isGreaterThan(before);
  }

  private static List<Record> answers(LabDnsServer server, String name, int type)
      throws IOException {
    Message m = send(server, name, type);
    assertThat(m.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
    return m.getSection(Section.ANSWER);
  }

  private static Message send(LabDnsServer server, String name, int type) throws IOException {
    return send(server, name, type, PATIENT);
  }

  private static Message send(LabDnsServer server, String name, int type, Duration timeout)
      throws IOException {
    SimpleResolver resolver = new SimpleResolver(server.socketAddress());
    resolver.setTimeout(timeout);
    Name qname = Name.fromString(name, Name.root);
    return resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
  }
}
