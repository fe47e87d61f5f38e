package io.mailsweep.check.spf.conformance;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.mailsweep.check.spf.SpfEvaluator;
import io.mailsweep.check.spf.SpfLimits;
import io.mailsweep.check.spf.SpfOutcome;
import io.mailsweep.check.spf.SpfRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openspf RFC 7208 test suite ({@code src/test/resources/spf/}) against {@link SpfEvaluator},
 * through the production DNS adapter and a {@link io.mailsweep.testing.dns.LabDnsServer} on
 * 127.0.0.1 serving each scenario's data (see {@link SuiteZones} for how the YAML becomes a zone).
 */
class Rfc7208ConformanceTest {
  /**
   * Tests we hold to be wrong under RFC 7208, or that real DNS cannot reproduce: test id → reason.
   * They still run; they abort while they fail and fail the build once they pass, so that this map
   * only ever lists failures that happen.
   */
  private static final Map<String, String> EXPECTED_FAILURES = Map.of();

  /** The suite's driver sets its default explanation to this text; ours is "no explanation". */
  private static final String DRIVER_DEFAULT_EXPLANATION = "DEFAULT";

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** Failed test ids named in the summary line. */
  private static final int SUMMARY_IDS = 25;

  @TempDir static Path zoneDir;
  private static ExecutorService executor;
  private static final List<ScenarioServer> servers = new CopyOnWriteArrayList<>();
  private static final AtomicInteger passed = new AtomicInteger();
  private static final AtomicInteger expectedFailures = new AtomicInteger();
  private static final List<String> failed = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    executor = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    servers.forEach(ScenarioServer::close);
    executor.shutdownNow();
    System.out.printf(
        "RFC 7208 suite: %d passed, %d expected failures, %d failed%s%n",
        passed.get(), expectedFailures.get(), failed.size(), failedIds());
  }

  private static String failedIds() {
    if (failed.isEmpty()) {
      return "";
    }
    List<String> shown = failed.subList(0, Math.min(failed.size(), SUMMARY_IDS));
    String more =
        failed.size() > SUMMARY_IDS ? " and " + (failed.size() - SUMMARY_IDS) + " more" : "";
    return ": " + String.join(", ", shown) + more;
  }

  @TestFactory
  Stream<DynamicContainer> rfc7208() throws IOException {
    List<SuiteScenario> scenarios = SuiteLoader.loadResource();
    return IntStream.range(0, scenarios.size()).mapToObj(i -> scenario(i + 1, scenarios.get(i)));
  }

  private static DynamicContainer scenario(int number, SuiteScenario scenario) {
    ScenarioZone zone = SuiteZones.build(scenario);
    zone.notes().forEach(n -> System.out.println("[" + scenario.description() + "] " + n));
    ScenarioServer server =
        new ScenarioServer(zone, zoneDir.resolve("scenario-" + number + ".zone"), executor);
    servers.add(server);
    return dynamicContainer(
        scenario.description(),
        scenario.cases().stream()
            .map(c -> dynamicTest(scenario.description() + ": " + c.id(), () -> run(server, c))));
  }

  private static void run(ScenarioServer server, SuiteCase c) throws IOException {
    SpfRequest request =
        new SpfRequest(
            HostLiteral.parse(c.host()),
            c.mailFrom(),
            c.helo(),
            c.receiver() == null ? "unknown" : c.receiver());
    SpfOutcome outcome = checkHost(server, c, request);
    String mismatch = mismatch(c, outcome);
    String reason = EXPECTED_FAILURES.get(c.id());
    if (reason != null && mismatch != null) {
      expectedFailures.incrementAndGet();
      Assumptions.abort("expected failure: " + reason + " (" + mismatch + ")");
    }
    if (reason != null) {
      throw failure(c, "passes: take it out of EXPECTED_FAILURES (" + reason + ")", null);
    }
    if (mismatch != null) {
      throw failure(c, report(c, request, outcome, mismatch, server.zone()), null);
    }
    passed.incrementAndGet();
  }

  /** A crash or hang of the evaluator is never an expected failure: it fails the test here. */
  private static SpfOutcome checkHost(ScenarioServer server, SuiteCase c, SpfRequest request)
      throws IOException {
    SpfEvaluator evaluator = new SpfEvaluator(server.dns(), SpfLimits.RFC_7208);
    try {
      return evaluator.checkHost(request).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw failure(c, "check_host failed for " + request, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw failure(c, "check_host failed for " + request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(c, "interrupted", e);
    }
  }

  private static AssertionError failure(SuiteCase c, String message, Throwable cause) {
    failed.add(c.id());
    return new AssertionError(c.id() + ": " + message, cause);
  }

  /** What differs from the suite's expectation, or null when the outcome conforms. */
  static String mismatch(SuiteCase c, SpfOutcome outcome) {
    String label = outcome.result().label();
    if (!c.results().contains(label)) {
      return "result " + label + ", expected " + String.join(" or ", c.results());
    }
    if (c.explanation() == null) {
      return null;
    }
    String expected = c.explanation().equals(DRIVER_DEFAULT_EXPLANATION) ? null : c.explanation();
    return Objects.equals(expected, outcome.explanation())
        ? null
        : "explanation " + quote(outcome.explanation()) + ", expected " + quote(expected);
  }

  private static String report(
      SuiteCase c, SpfRequest request, SpfOutcome outcome, String mismatch, ScenarioZone zone) {
    StringBuilder s =
        new StringBuilder(mismatch).append(" (RFC 7208 ").append(c.spec()).append(')');
    s.append("\n  request: ").append(request).append("\n  outcome: ").append(outcome);
    if (c.description() != null) {
      s.append("\n  test: ").append(c.description());
    }
    zone.notes().forEach(n -> s.append("\n  scenario note: ").append(n));
    return s.toString();
  }

  private static String quote(String s) {
    return s == null ? "none" : "'" + s + "'";
  }
}
