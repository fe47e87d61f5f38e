package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.history.Change;
import io.mailsweep.history.ChangeKind;
import io.mailsweep.store.RunCounts;
import io.mailsweep.store.ScanRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of {@code history} and {@code diff}, and the retention key of job files. */
class HistoryOutputTest {
  @TempDir Path dir;

  private static ScanRun run(long id, String job, String status, Instant finished, String report) {
    return new ScanRun(id, job, "/in.csv", "ab", null, "1.1.1.1", "spf", "", "0.1.0",
        Instant.parse("2026-11-29T02:00:07Z"), finished, status, null, report,
        new RunCounts(10, 10, 0, 0, 1234, 5));
  }

  @Test
  void historyIsATableWithNumbersRightAlignedAndDashesForWhatIsNotKnownYet() {
    StringWriter text = new StringWriter();
    HistoryCommand.print(List.of(run(12, "vendors-nightly", "STARTED", null, null),
        run(9, "x\u001b[31m", "COMPLETED", Instant.parse("2026-11-29T03:00:00Z"), "/r/a.xlsx")), null,
        new PrintWriter(text));
    assertThat(text.toString().lines()).containsExactly(
        "RUN  JOB              STARTED (UTC)        STATUS     DOMAINS  INCONCLUSIVE  REPORT",
        " 12  vendors-nightly  2026-11-29 02:00:07  STARTED          -             -  -",
        "  9  x?[31m           2026-11-29 02:00:07  COMPLETED     1234             5  /r/a.xlsx");
    StringWriter none = new StringWriter();
    HistoryCommand.print(List.of(), null, new PrintWriter(none));
    assertThat(none.toString().strip()).isEqualTo("no runs");
  }

  @Test
  void aDiffLineNeverCarriesTerminalControlsAndTheTotalCountsByKind() {
    assertThat(DiffCommand.line(new Change("a.test", ChangeKind.FINDING_RESOLVED, "mtasts", "MTASTS_MISSING", null,
        "enforce\u001b]0;owned\u0007 (valid)\u202e"))).isEqualTo(
            "a.test  FINDING_RESOLVED  MTA-STS  MTASTS_MISSING -> -  (enforce?]0;owned? (valid)?)");
    assertThat(DiffCommand.line(new Change("b.test", ChangeKind.DOMAIN_ADDED, null, null, "PASS", null)))
        .isEqualTo("b.test  DOMAIN_ADDED  - -> PASS");
    Map<ChangeKind, Long> counts = new EnumMap<>(ChangeKind.class);
    assertThat(DiffCommand.total(counts)).isEqualTo("no changes");
    counts.put(ChangeKind.FINDING_NEW, 2L);
    counts.put(ChangeKind.DOMAIN_REMOVED, 1L);
    assertThat(DiffCommand.total(counts)).isEqualTo("3 changes: 1 DOMAIN_REMOVED, 2 FINDING_NEW");
    assertThat(TerminalText.clean("x".repeat(TerminalText.MAX + 5))).hasSize(TerminalText.MAX + 3).endsWith("...");
  }

  @Test
  void jobFilesTakeKeepRuns() throws Exception {
    Path job = Files.writeString(dir.resolve("nightly.yml"), "name: nightly\ninput: v.csv\nkeep-runs: 30\n");
    assertThat(JobFile.arguments(job)).containsExactly(dir.resolve("v.csv").toString(), "--job-name", "nightly",
        "--keep-runs", "30");
  }
}
