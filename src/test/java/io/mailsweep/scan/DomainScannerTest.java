package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DomainScannerTest {
  private static Check check(String name, CompletableFuture<CheckResult> result) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CompletableFuture<CheckResult> run(ScanTarget target) {
        return result;
      }
    };
  }

  private static CompletableFuture<CheckResult> done(String name, Status status) {
    return CompletableFuture.completedFuture(new CheckResult(name, status, status.name(), null, List.of(), List.of()));
  }

  @Test
  void worstStatusWinsAndInconclusiveRanksWorst() {
    DomainScanner scanner = new DomainScanner(List.of(check("a", done("a", Status.FAIL)),
        check("b", CompletableFuture.completedFuture(CheckResult.inconclusive("b", "timed out", List.of())))),
        Duration.ofSeconds(1));
    DomainScan scan = scanner.scan(ScanTarget.of(DomainName.of("x.test"))).join();
    assertThat(scan.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(scan.reason()).isEqualTo("b: timed out");
    assertThat(scan.results()).extracting(CheckResult::check).containsExactly("a", "b");
  }

  @Test
  void aLateCheckBecomesInconclusiveAtTheDeadline() {
    DomainScanner scanner = new DomainScanner(
        List.of(check("slow", new CompletableFuture<>()), check("fast", done("fast", Status.PASS))),
        Duration.ofMillis(100));
    DomainScan scan = scanner.scan(ScanTarget.of(DomainName.of("x.test"))).join();
    assertThat(scan.results().get(0).status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(scan.results().get(0).reason()).contains("deadline of 100 ms");
    assertThat(scan.results().get(1).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aBrokenCheckDoesNotBreakTheScan() {
    Check throwing = new Check() {
      @Override
      public String name() {
        return "boom";
      }

      @Override
      public CompletableFuture<CheckResult> run(ScanTarget target) {
        throw new IllegalStateException("bug");
      }
    };
    DomainScan scan = new DomainScanner(List.of(throwing, check("ok", done("ok", Status.PASS))), Duration.ofSeconds(1))
        .scan(ScanTarget.of(DomainName.of("x.test"))).join();
    assertThat(scan.results().get(0).status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(scan.results().get(0).reason()).contains("internal error").contains("bug");
  }

  @Test
  void progressLineShowsRateAndEta() {
    ProgressMeter meter = new ProgressMeter("scan", 1000, System.err);
    String line = meter.line(250, 1000, 10_000_000_000L);
    assertThat(line).isEqualTo("scan: 250/1,000 domains (25%), 25.0 domains/s, ETA 0m30s");
    assertThat(ProgressMeter.formatDuration(7322)).isEqualTo("2h02m");
  }
}
