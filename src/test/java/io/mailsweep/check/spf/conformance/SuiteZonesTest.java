package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.testing.dns.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Zone;

/** The suite's driver conventions, and every scenario's zone as dnsjava reads it. */
class SuiteZonesTest {
  private static List<SuiteScenario> suite;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    suite = SuiteLoader.loadResource();
  }

  static SuiteScenario scenario(String description) {
    return suite.stream()
        .filter(s -> s.description().equals(description))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void spfRecordsAreCopiedToTxtWhenANameHasNoTxtEntry() {
    SuiteRecord spf = new SuiteRecord("SPF", List.of("v=spf1 -all"));
    SuiteRecord a = new SuiteRecord("A", List.of("192.0.2.1"));
    assertThat(SuiteZones.driverView(List.of(spf, a)))
        .containsExactly(spf, a, new SuiteRecord("TXT", List.of("v=spf1 -all")));
  }

  @Test
  void anyTxtEntryIncludingNoneStopsTheCopy() {
    SuiteRecord spf = new SuiteRecord("SPF", List.of("v=spf1 +all"));
    SuiteRecord txt = new SuiteRecord("TXT", List.of("v=spf1 -all"));
    SuiteRecord none = new SuiteRecord("TXT", List.of("NONE"));
    assertThat(SuiteZones.driverView(List.of(spf, txt))).containsExactly(spf, txt);
    assertThat(SuiteZones.driverView(List.of(spf, none))).containsExactly(spf);
  }

  @Test
  void copiesComeAfterTimeoutSoTheyAreNeverServed() {
    SuiteRecord spf = new SuiteRecord("SPF", List.of("v=spf1 -all"));
    assertThat(SuiteZones.driverView(List.of(spf, SuiteRecord.TIMEOUT)))
        .containsExactly(spf, SuiteRecord.TIMEOUT, new SuiteRecord("TXT", List.of("v=spf1 -all")));
  }

  @Test
  void typesListedBeforeTimeoutAnswerAndAllOthersTimeOut() {
    ScenarioZone zone = SuiteZones.build(scenario("Record lookup"));
    assertThat(zone.faults())
        .contains(
            new ScenarioZone.FaultRule(
                "spftimeout.example.net.", "TXT", Fault.delay(Duration.ZERO)),
            new ScenarioZone.FaultRule("spftimeout.example.net.", "*", Fault.timeout()),
            new ScenarioZone.FaultRule("alltimeout.example.net.", "*", Fault.timeout()));
    assertThat(
            zone.faults()
                .indexOf(
                    new ScenarioZone.FaultRule(
                        "txttimeout.example.net.", "SPF", Fault.delay(Duration.ZERO))))
        .isLessThan(
            zone.faults()
                .indexOf(
                    new ScenarioZone.FaultRule("txttimeout.example.net.", "*", Fault.timeout())));
    assertThat(zone.masterFile())
        .contains("spftimeout.example.net. IN TXT \"v=spf1 -all\"\n")
        .doesNotContain("txttimeout.example.net. IN TXT");
  }

  @Test
  void everyScenarioLoadsAsARootZone() throws Exception {
    List<String> notes = new ArrayList<>();
    int records = 0;
    for (int i = 0; i < suite.size(); i++) {
      ScenarioZone zone = SuiteZones.build(suite.get(i));
      Path file = dir.resolve("scenario-" + (i + 1) + ".zone");
      Files.writeString(file, zone.masterFile(), StandardCharsets.US_ASCII);
      Zone loaded = new Zone(Name.root, file.toString());
      for (RRset set : loaded) {
        records += set.size();
      }
      notes.addAll(zone.notes());
      zone.notes().forEach(System.out::println);
    }
    System.out.println(records + " records in " + suite.size() + " zones");
    assertThat(notes)
        .containsExactlyInAnyOrder(
            "null.example.com: a TXT/SPF record with no strings is served with empty RDATA",
            "null.example.com: a TXT/SPF record with no strings is served with empty RDATA",
            "example7.com: duplicate SPF [\"v=spf1 -all\"] is served once (one RRset, RFC 2181 §5)",
            "example7.com: duplicate TXT [\"v=spf1 -all\"] is served once (one RRset, RFC 2181 §5)",
            "mail.example.com: the empty target of MX [\"0\", \"\"] is served as the root name");
  }

  @Test
  void recordsThatCannotBeServedAreSkippedWithANote() {
    Map<String, List<SuiteRecord>> data = new LinkedHashMap<>();
    data.put("a..b.test", List.of(new SuiteRecord("A", List.of("192.0.2.1"))));
    data.put(
        "bad.test",
        List.of(
            new SuiteRecord("A", List.of("TIMEOUT")),
            new SuiteRecord("AAAA", List.of("1.2.3.4")),
            new SuiteRecord("MX", List.of("70000", "mx.test"))));
    data.put(
        "alias.test",
        List.of(
            new SuiteRecord("CNAME", List.of("x.test")),
            new SuiteRecord("TXT", List.of("v=spf1 -all"))));
    ScenarioZone zone = SuiteZones.build(new SuiteScenario("odd", List.of(), data));
    assertThat(zone.notes())
        .containsExactly(
            "skipped all records of a..b.test: empty label in 'a..b.test'",
            "bad.test: skipped A [\"TIMEOUT\"]: not an IP address literal: 'TIMEOUT'",
            "bad.test: skipped AAAA [\"1.2.3.4\"]: not an IP address literal: '1.2.3.4'",
            "bad.test: skipped MX [\"70000\", \"mx.test\"]: MX preference 70000 out of range",
            "alias.test: TXT [\"v=spf1 -all\"] dropped beside its CNAME (RFC 1034 §3.6.2)");
    assertThat(zone.masterFile())
        .contains("alias.test. IN CNAME x.test.\n")
        .doesNotContain("a..b", "bad.test", "alias.test. IN TXT");
  }

  @Test
  void longStringsAreSplitIntoOneRecordsCharacterStrings() {
    SuiteScenario s =
        new SuiteScenario(
            "long",
            List.of(),
            Map.of("long.test", List.of(new SuiteRecord("TXT", List.of("x".repeat(300))))));
    ScenarioZone zone = SuiteZones.build(s);
    assertThat(zone.notes())
        .containsExactly("long.test: a string of over 255 octets is split into 2");
    assertThat(zone.masterFile())
        .contains("long.test. IN TXT \"" + "x".repeat(255) + "\" \"" + "x".repeat(45) + "\"\n");
  }

  @Test
  void aZoneOfOnlyNotesStillHasItsApex() throws Exception {
    ScenarioZone zone = SuiteZones.build(new SuiteScenario("empty", List.of(), Map.of()));
    Path file = dir.resolve("empty.zone");
    Files.writeString(file, zone.masterFile());
    assertThat(new Zone(Name.root, file.toString()).getSOA()).isNotNull();
  }
}
