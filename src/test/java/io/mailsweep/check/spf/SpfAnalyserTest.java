package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPF analyser against policies served by the in-process DNS server. */
class SpfAnalyserTest {
  @TempDir static Path zones;
  static LabDnsServer server;
  static ExecutorService executor;
  static SpfAnalyser analyser;
  static DnsjavaDns dns;

  @BeforeAll
  static void start() throws Exception {
    StringBuilder zone = new StringBuilder("""
        $ORIGIN spf.test.
        $TTL 300
        @        IN SOA ns hostmaster 1 3600 600 86400 60
        @        IN NS  ns
        ns       IN A   127.0.0.1
        ok       IN TXT "v=spf1 ip4:127.0.0.1 include:inc.spf.test -all"
        inc      IN TXT "v=spf1 ip4:127.0.0.2 ~all"
        top      IN TXT "v=spf1 a mx include:d1.spf.test -all"
        d1       IN TXT "v=spf1 a mx include:d2.spf.test -all"
        d2       IN TXT "v=spf1 a mx include:d3.spf.test -all"
        d3       IN TXT "v=spf1 a mx -all"
        slowinc  IN TXT "v=spf1 include:hang.spf.test -all"
        hang     IN TXT "v=spf1 -all"
        plusall  IN TXT "v=spf1 +all"
        qall     IN TXT "v=spf1 ?all"
        softall  IN TXT "v=spf1 ip4:127.0.0.1 ~all"
        noall    IN TXT "v=spf1 ip4:127.0.0.1"
        redir    IN TXT "v=spf1 redirect=inc.spf.test"
        ignored  IN TXT "v=spf1 -all redirect=inc.spf.test"
        broad    IN TXT "v=spf1 ip4:127.0.0.0/8 -all"
        everyone IN TXT "v=spf1 ip4:0.0.0.0/0 -all"
        ptr      IN TXT "v=spf1 ptr -all"
        rrtype   IN TXT "v=spf1 -all"
        rrtype   IN SPF "v=spf1 -all"
        nxinc    IN TXT "v=spf1 include:nowhere.spf.test -all"
        norec    IN TXT "v=spf1 include:ns.spf.test -all"
        loop1    IN TXT "v=spf1 include:loop2.spf.test -all"
        loop2    IN TXT "v=spf1 include:loop1.spf.test -all"
        voids    IN TXT "v=spf1 a:v1.spf.test a:v2.spf.test a:v3.spf.test -all"
        syntax   IN TXT "v=spf1 ip4:127.0.0.1/33 -all"
        two      IN TXT "v=spf1 -all"
        two      IN TXT "v=spf1 ip4:127.0.0.1 -all"
        nospf    IN TXT "google-site-verification=abc"
        """);
    for (String host : List.of("top", "d1", "d2", "d3")) {
      zone.append(host).append(" IN A 127.0.40.1\n").append(host).append(" IN MX 10 ns.spf.test.\n");
    }
    zone.append("long IN TXT \"v=spf1\"");
    for (int i = 1; i <= 40; i++) {
      zone.append(i % 10 == 1 ? " \"" : "").append(" ip4:127.0.41.").append(i).append(i % 10 == 0 ? "\"" : "");
    }
    zone.append(" \" -all\"\n");
    Files.writeString(zones.resolve("spf.zone"), zone);
    server = LabDnsServer.start(zones);
    server.fault("hang.spf.test", "*", Fault.timeout());
    executor = Executors.newFixedThreadPool(2);
    DnsSettings settings = new DnsSettings(List.of(server.socketAddress()), Duration.ofMillis(200), 0,
        Duration.ofMillis(10), 100, 1000, 8);
    dns = new DnsjavaDns(settings, executor);
    analyser = new SpfAnalyser(dns, SpfLimits.RFC_7208, SpfThresholds.DEFAULTS);
  }

  @AfterAll
  static void stop() {
    server.close();
    executor.shutdownNow();
  }

  private static SpfAnalysis analyse(String label) {
    return analyser.analyse(DomainName.of(label + ".spf.test")).join();
  }

  private static List<String> codes(SpfAnalysis a) {
    return a.findings().stream().map(Finding::code).toList();
  }

  @Test
  void expectedSendersFromTheInputAreEvaluatedWithCheckHost() {
    SpfCheck check = new SpfCheck(dns);
    ScanTarget target = new ScanTarget(DomainName.of("ok.spf.test"),
        Map.of("expected_senders", "127.0.0.1, 127.0.0.2; 127.0.0.9 nonsense"));
    CheckResult r = check.run(target).join();
    assertThat(r.summary()).isEqualTo("valid; -all; 1 lookup; expected senders 2/4 pass");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("SPF_EXPECTED_SENDER_NOT_PASSED");
    assertThat(r.findings().get(0).message()).contains("127.0.0.9").contains("fail");
    assertThat(r.evidence()).contains(";; expected sender 127.0.0.2: pass", ";; expected sender nonsense: not an IP address");
    CheckResult without = check.run(ScanTarget.of(DomainName.of("ok.spf.test"))).join();
    assertThat(without.summary()).isEqualTo("valid; -all; 1 lookup");
  }

  @Test
  void aValidPolicyWithAnInclude() {
    SpfAnalysis a = analyse("ok");
    assertThat(a.validity()).isEqualTo(SpfValidity.VALID);
    assertThat(a.lookups()).isEqualTo(1);
    assertThat(a.allQualifier()).isEqualTo("-all");
    assertThat(a.includes()).containsExactly("inc.spf.test");
    assertThat(a.ipv4Addresses()).isEqualTo(2);
    assertThat(codes(a)).isEmpty();
    assertThat(a.evidence()).anyMatch(e -> e.contains("v=spf1 ip4:127.0.0.2 ~all"));
    CheckResult r = SpfCheck.judge(a);
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("valid; -all; 1 lookup");
  }

  @Test
  void anIncludeChainThatOverflowsOnlyAtDepthThree() {
    SpfAnalysis a = analyse("top");
    assertThat(a.validity()).isEqualTo(SpfValidity.PERMERROR);
    assertThat(a.lookups()).isEqualTo(11);
    assertThat(codes(a)).contains("SPF_TOO_MANY_LOOKUPS");
    assertThat(a.reason()).contains("11 DNS-querying terms")
        .contains("top.spf.test → d1.spf.test → d2.spf.test → d3.spf.test → mx");
    assertThat(SpfCheck.judge(a).status()).isEqualTo(Status.FAIL);
    assertThat(SpfCheck.judge(a).summary()).isEqualTo("permerror; -all; 11 lookups");
  }

  @Test
  void aTimeoutOnAnIncludeIsTemperrorNotMissing() {
    SpfAnalysis a = analyse("slowinc");
    assertThat(a.validity()).isEqualTo(SpfValidity.TEMPERROR);
    assertThat(a.reason()).contains("hang.spf.test").contains("TIMEOUT");
    CheckResult r = SpfCheck.judge(a);
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(codes(a)).doesNotContain("SPF_MISSING", "SPF_INCLUDE_NO_RECORD");
  }

  @Test
  void theFinalAllQualifier() {
    assertThat(codes(analyse("plusall"))).contains("SPF_PASS_ALL");
    assertThat(SpfCheck.judge(analyse("plusall")).status()).isEqualTo(Status.FAIL);
    assertThat(codes(analyse("qall"))).contains("SPF_NEUTRAL_ALL");
    assertThat(SpfCheck.judge(analyse("qall")).status()).isEqualTo(Status.FAIL);
    assertThat(codes(analyse("softall"))).containsExactly("SPF_SOFTFAIL_ALL");
    assertThat(SpfCheck.judge(analyse("softall")).status()).isEqualTo(Status.WARN);
    assertThat(codes(analyse("noall"))).containsExactly("SPF_NO_ALL");
    SpfAnalysis redirected = analyse("redir");
    assertThat(redirected.allQualifier()).isEqualTo("~all");
    assertThat(redirected.lookups()).isEqualTo(1);
    assertThat(codes(analyse("ignored"))).containsExactly("SPF_REDIRECT_IGNORED");
  }

  @Test
  void broadAndUniversalRanges() {
    SpfAnalysis broad = analyse("broad");
    assertThat(codes(broad)).containsExactly("SPF_BROAD_RANGE");
    assertThat(broad.ipv4Addresses()).isEqualTo(1L << 24);
    assertThat(SpfCheck.judge(broad).status()).isEqualTo(Status.WARN);
    assertThat(codes(analyse("everyone"))).containsExactly("SPF_ALLOWS_EVERYONE");
    assertThat(SpfCheck.judge(analyse("everyone")).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void deprecatedAndRiskyUse() {
    assertThat(codes(analyse("ptr"))).containsExactly("SPF_PTR_USED");
    assertThat(codes(analyse("rrtype"))).containsExactly("SPF_RR_TYPE_USED");
    SpfAnalysis longRecord = analyse("long");
    assertThat(codes(longRecord)).containsExactly("SPF_NEEDS_TCP");
    assertThat(longRecord.validity()).isEqualTo(SpfValidity.VALID);
  }

  @Test
  void brokenIncludes() {
    SpfAnalysis nx = analyse("nxinc");
    assertThat(nx.validity()).isEqualTo(SpfValidity.PERMERROR);
    assertThat(codes(nx)).contains("SPF_INCLUDE_NXDOMAIN");
    assertThat(codes(analyse("norec"))).contains("SPF_INCLUDE_NO_RECORD");
    SpfAnalysis loop = analyse("loop1");
    assertThat(loop.validity()).isEqualTo(SpfValidity.PERMERROR);
    assertThat(codes(loop)).contains("SPF_INCLUDE_LOOP");
  }

  @Test
  void voidLookupsOverTheLimit() {
    SpfAnalysis a = analyse("voids");
    assertThat(a.voidLookups()).isEqualTo(3);
    assertThat(a.validity()).isEqualTo(SpfValidity.PERMERROR);
    assertThat(codes(a)).contains("SPF_TOO_MANY_VOID_LOOKUPS");
  }

  @Test
  void recordsReceiversCannotUse() {
    SpfAnalysis syntax = analyse("syntax");
    assertThat(syntax.validity()).isEqualTo(SpfValidity.PERMERROR);
    assertThat(codes(syntax)).containsExactly("SPF_SYNTAX_ERROR");
    assertThat(codes(analyse("two"))).containsExactly("SPF_MULTIPLE_RECORDS");
    SpfAnalysis none = analyse("nospf");
    assertThat(none.validity()).isEqualTo(SpfValidity.NONE);
    assertThat(codes(none)).containsExactly("SPF_MISSING");
    assertThat(SpfCheck.judge(none).summary()).isEqualTo("none");
    SpfAnalysis gone = analyse("gone");
    assertThat(codes(gone)).containsExactly("SPF_DOMAIN_NXDOMAIN");
    assertThat(SpfCheck.judge(gone).summary()).isEqualTo("none (domain does not exist)");
  }
}
