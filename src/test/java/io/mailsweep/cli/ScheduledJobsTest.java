package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.schedule.ScheduledJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job-file keys of scheduling, and how {@code schedule} reads its job files at start. */
class ScheduledJobsTest {
  private static final String BASE = "input: vendors.csv\nresolvers: [127.0.0.1:5353]\n";

  @TempDir Path dir;

  private Path job(String file, String yaml) throws Exception {
    return Files.writeString(dir.resolve(file), yaml);
  }

  @Test
  void schedulingKeysAreNotScanOptionsAndTheNewKeysMapToTheirOptions() throws Exception {
    List<String> args = JobFile.arguments(job("nightly.yml", BASE + """
        schedule: "0 2 * * *"
        timezone: Europe/Berlin
        report-name: "vendors-{date}-{run}.xlsx"
        keep-runs: 30
        profile: bod-18-01
        """));
    assertThat(args).containsExactly(dir.resolve("vendors.csv").toString(), "--resolver", "127.0.0.1:5353",
        "--report-name", "vendors-{date}-{run}.xlsx", "--keep-runs", "30", "--profile", "bod-18-01");
    assertThat(JobFile.arguments(job("custom.yml", BASE + "profile: ../profiles/acme.yml\n")))
        .endsWith("--profile", dir.getParent().resolve("profiles/acme.yml").toString());
  }

  @Test
  void readsTheFilesOfAFolderInNameOrderLeavingOutThoseWithoutASchedule() throws Exception {
    job("b.yml", BASE + "name: beta\nschedule: \"30 3 * * *\"\ntimezone: Europe/Berlin\n");
    job("a.yaml", BASE + "schedule: \"@daily\"\n");
    job("adhoc.yml", BASE + "name: adhoc\n");
    job("notes.txt", "not a job");
    ScheduledJobs jobs = ScheduledJobs.load(List.of(dir));
    assertThat(jobs.scheduled()).extracting(ScheduledJob::name).containsExactly("a", "beta");
    assertThat(jobs.unscheduled()).containsExactly(dir.resolve("adhoc.yml"));
    ScheduledJob beta = jobs.scheduled().get(1);
    assertThat(beta.schedule().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(beta.schedule().next(Instant.parse("2026-01-15T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-15T02:30:00Z"));
    assertThat(jobs.scheduled().get(0).schedule().zone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void mistakesAreReportedAtStartNamingTheFile() throws Exception {
    Path bad = job("bad.yml", BASE + "schedule: \"0 25 * * *\"\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(bad))).isInstanceOf(UserError.class)
        .hasMessageContaining(bad + ": 'schedule': '0 25 * * *' is not a valid schedule: Invalid value for HourOfDay")
        .hasMessageNotContaining("cron expression");
    Path six = job("six.yml", BASE + "schedule: \"0 0 2 * * *\"\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(six))).hasMessageContaining("has 6 fields");
    Path zone = job("zone.yml", BASE + "schedule: \"0 2 * * *\"\ntimezone: Mars/Olympus\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(zone)))
        .hasMessageContaining(zone + ": 'timezone' Mars/Olympus is not a time zone");
    Path option = job("option.yml", BASE + "schedule: \"0 2 * * *\"\nthreads: 500\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(option)))
        .hasMessageContaining(option + ": threads must be between 1 and 64");
    Path name = job("name.yml", BASE + "schedule: \"0 2 * * *\"\nreport-name: reports/x.xlsx\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(name)))
        .hasMessageContaining(name + ": --report-name: report name 'reports/x.xlsx' is a file name, not a path");
    Path unscheduled = job("unscheduled.yml", BASE);
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(unscheduled))).hasMessageContaining("no 'schedule' key");
    Path number = job("number.yml", BASE + "schedule: 5\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(number))).hasMessageContaining("must be text in quotes");
  }

  @Test
  void twoFilesMayNotShareAJobNameNorCanAFolderHaveNoScheduledJob() throws Exception {
    Path one = job("one.yml", BASE + "name: nightly\nschedule: \"0 2 * * *\"\n");
    Path two = job("two.yml", BASE + "name: nightly\nschedule: \"0 3 * * *\"\n");
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(one, two)))
        .hasMessageContaining("share the name 'nightly'");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ScheduledJobs.load(List.of(empty))).hasMessageContaining("has a 'schedule' key");
  }
}
