package io.mailsweep.check.spf.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pinned suite loads completely, and malformed YAML is an error naming where it is. */
class SuiteLoaderTest {
  private static final Set<String> RESULTS =
      Set.of("none", "neutral", "pass", "fail", "softfail", "temperror", "permerror");

  private static List<SuiteScenario> suite;

  @BeforeAll
  static void load() throws Exception {
    suite = SuiteLoader.loadResource();
    suite.forEach(s -> System.out.printf("%3d tests  %s%n", s.cases().size(), s.description()));
    System.out.printf("%d scenarios, %d tests%n", suite.size(), testCount());
  }

  private static int testCount() {
    return suite.stream().mapToInt(s -> s.cases().size()).sum();
  }

  @Test
  void loadsEveryScenarioAndTest() {
    assertThat(suite).hasSize(16);
    assertThat(testCount()).isEqualTo(203);
    assertThat(suite.get(0).description()).isEqualTo("Initial processing");
    assertThat(suite.get(15).description()).isEqualTo("Test cases from implementation bugs");
  }

  @Test
  void testIdsAreUniqueOverTheSuite() {
    Set<String> ids = new HashSet<>();
    suite.forEach(s -> s.cases().forEach(c -> assertThat(ids.add(c.id())).as(c.id()).isTrue()));
  }

  @Test
  void everyTestHasItsInputsAndKnownResults() {
    for (SuiteScenario s : suite) {
      for (SuiteCase c : s.cases()) {
        assertThat(c.helo()).as(c.id()).isNotNull();
        assertThat(c.mailFrom()).as(c.id()).isNotNull();
        assertThat(c.spec()).as(c.id()).isNotBlank();
        assertThat(RESULTS).as(c.id()).containsAll(c.results());
        assertThat(HostLiteral.parse(c.host())).as(c.id()).isNotNull();
      }
    }
  }

  @Test
  void readsResultListsAndExplanations() {
    SuiteCase multispf1 = find("multispf1");
    assertThat(multispf1.results()).containsExactly("permerror", "fail");
    assertThat(find("nolocalpart").explanation()).isEqualTo("postmaster");
    assertThat(find("toolonglabel").explanation()).isNull();
    long explained = cases().filter(c -> c.explanation() != null).count();
    assertThat(explained).isEqualTo(22);
  }

  @Test
  void readsRecordsOfEveryShape() {
    Map<String, List<SuiteRecord>> initial = suite.get(0).zoneData();
    assertThat(initial.get("example.com")).containsExactly(SuiteRecord.TIMEOUT);
    assertThat(initial.get("null.example.com"))
        .containsExactly(
            new SuiteRecord("SPF", List.of("v=spf1 ip4:", "192.0.2.5 -all")),
            new SuiteRecord("SPF", List.of()));
    assertThat(initial.get("hosed.example.com").get(0).value())
        .isEqualTo("v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all");
    assertThat(zoneOf("Selecting records", "example3.com"))
        .contains(new SuiteRecord("MX", List.of("0", "mail.example1.com")));
  }

  @Test
  void recordTypesAreOnlyThoseTheZoneBuilderKnows() {
    Set<String> types =
        suite.stream()
            .flatMap(s -> s.zoneData().values().stream())
            .flatMap(List::stream)
            .map(SuiteRecord::type)
            .collect(Collectors.toSet());
    assertThat(types)
        .containsExactlyInAnyOrder("TXT", "SPF", "A", "AAAA", "MX", "PTR", "CNAME", "TIMEOUT");
  }

  @Test
  void duplicateKeysAreRejected() {
    String yaml = "description: d\ntests: {}\nzonedata:\n  a.test: []\n  a.test: []\n";
    assertThatThrownBy(() -> SuiteLoader.load(new StringReader(yaml)))
        .hasMessageContaining("a.test");
  }

  @Test
  void plainScalarsStayTheTextWritten() {
    String yaml =
        "description: d\ntests:\n  t1: {spec: 4.10, helo: 1:20, host: 1.2.3.4, mailfrom: 12,"
            + " result: pass}\nzonedata:\n  a.test:\n    - MX: [010, b.test]\n";
    SuiteScenario s = SuiteLoader.load(new StringReader(yaml)).get(0);
    SuiteCase t1 = s.cases().get(0);
    assertThat(List.of(t1.spec(), t1.helo(), t1.mailFrom())).containsExactly("4.10", "1:20", "12");
    assertThat(s.zoneData().get("a.test").get(0).values()).containsExactly("010", "b.test");
  }

  @Test
  void structureOfTheWrongShapeIsRejectedWithItsPlace() {
    String yaml =
        "description: d\ntests:\n  t1: {spec: '1', helo: h, host: 1.2.3.4, mailfrom: [a],"
            + " result: pass}\n";
    assertThatThrownBy(() -> SuiteLoader.load(new StringReader(yaml)))
        .hasMessageContaining("t1: mailfrom: expected a string, got ArrayList [a]");
  }

  @Test
  void unknownRecordTypesAreRejected() {
    String yaml = "description: d\ntests: {}\nzonedata:\n  a.test:\n    - NS: ns.test\n";
    assertThatThrownBy(() -> SuiteLoader.load(new StringReader(yaml)))
        .hasMessageContaining("d: a.test: unsupported record type NS");
  }

  private static java.util.stream.Stream<SuiteCase> cases() {
    return suite.stream().flatMap(s -> s.cases().stream());
  }

  private static SuiteCase find(String id) {
    return cases().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<SuiteRecord> zoneOf(String scenario, String name) {
    return suite.stream()
        .filter(s -> s.description().equals(scenario))
        .findFirst()
        .orElseThrow()
        .zoneData()
        .get(name);
  }
}
