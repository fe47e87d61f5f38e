package io.mailsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.schedule.CronSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * The shipped scheduling examples under {@code jobs/examples/} are checked as far as this machine
 * can: the crontab's times by the scheduler's own cron parser, the systemd units by
 * {@code systemd-analyze verify} where it exists, the Kubernetes manifest parsed and its parts
 * cross-checked, and every job file they name read as {@code run} reads it.
 */
class SchedulingExamplesTest {
  private static final Path EXAMPLES = Path.of("jobs/examples");
  private static final String NIGHTLY = "jobs/vendors-nightly.yml";

  @TempDir Path work;

  @Test
  void theCrontabLineFiresTheNightlyJobAtItsScheduleAndCannotOverlap() throws Exception {
    List<String> entries = Files.readAllLines(EXAMPLES.resolve("crontab")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("[A-Z_]+=.*")).toList();
    assertThat(entries).hasSize(1);
    String[] fields = entries.get(0).split("\\s+", 6);
    String schedule = String.join(" ", List.of(fields).subList(0, 5));
    CronSchedule cron = CronSchedule.parse(schedule, ZoneOffset.UTC);
    assertThat(cron.next(Instant.parse("2026-01-15T12:00:00Z"))).isEqualTo(Instant.parse("2026-01-16T02:00:00Z"));
    assertThat(schedule).isEqualTo(JobFile.read(Path.of(NIGHTLY)).get("schedule"));
    assertThat(fields[5]).contains("flock -n ", "java -Xmx1g -XX:+UseParallelGC -jar mailsweep.jar run " + NIGHTLY).doesNotContain("%");
  }

  @Test
  void theSystemdUnitsRunTheJobAndTheScheduler() throws Exception {
    String service = Files.readString(EXAMPLES.resolve("mailsweep-nightly.service"));
    String timer = Files.readString(EXAMPLES.resolve("mailsweep-nightly.timer"));
    String scheduler = Files.readString(EXAMPLES.resolve("mailsweep-scheduler.service"));
    assertThat(service).contains("Type=oneshot", "mailsweep.jar run " + NIGHTLY,
        "SuccessExitStatus=3");
    assertThat(timer).contains("OnCalendar=*-*-* 02:00:00 UTC", "Persistent=true", "WantedBy=timers.target");
    assertThat(scheduler).contains("mailsweep.jar schedule --stop-timeout 60s jobs/", "TimeoutStopSec=90s",
        "SuccessExitStatus=143", "RestartPreventExitStatus=2");
    for (String unit : List.of(service, scheduler)) {
      String writable = line(unit, "ReadWritePaths=");
      assertThat(writable).contains("/opt/mailsweep/reports", "/opt/mailsweep/mailsweep-data");
    }
  }

  @Test
  void systemdAnalyzeFindsNothingToSayAboutTheUnits() throws Exception {
    Path tool = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(tool) && Files.isExecutable(Path.of("/usr/bin/java")), "systemd-analyze");
    List<String> command = new ArrayList<>(List.of(tool.toString(), "verify"));
    for (String unit : List.of("mailsweep-nightly.service", "mailsweep-nightly.timer", "mailsweep-scheduler.service")) {
      command.add(EXAMPLES.resolve(unit).toAbsolutePath().toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output.lines().filter(l -> l.contains("mailsweep"))).as(output).isEmpty();
    assertThat(p.exitValue()).as(output).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKubernetesCronJobIsForbiddenToOverlapAndItsJobFileReadsAsARun() throws Exception {
    Map<String, Map<String, Object>> docs = byKind(EXAMPLES.resolve("cronjob.yaml"));
    assertThat(docs).containsOnlyKeys("ConfigMap", "PersistentVolumeClaim", "CronJob");
    Map<String, Object> spec = map(docs.get("CronJob"), "spec");
    assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
    CronSchedule cron = CronSchedule.parse((String) spec.get("schedule"), ZoneId.of((String) spec.get("timeZone")));
    assertThat(cron.next(Instant.parse("2026-01-15T12:00:00Z"))).isEqualTo(Instant.parse("2026-01-16T02:00:00Z"));

    Map<String, Object> pod = map(map(map(spec, "jobTemplate"), "spec"), "template");
    assertThat(map(map(spec, "jobTemplate"), "spec")).containsEntry("backoffLimit", 0);
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) map(pod, "spec").get("volumes");
    Map<String, Object> container = ((List<Map<String, Object>>) map(pod, "spec").get("containers")).get(0);
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
    assertThat(mounts).extracting(m -> m.get("name"))
        .containsExactlyInAnyOrderElementsOf(volumes.stream().map(v -> v.get("name")).toList());
    assertThat(volumes).anySatisfy(v -> assertThat(v).containsEntry("persistentVolumeClaim",
        Map.of("claimName", map(docs.get("PersistentVolumeClaim"), "metadata").get("name"))));
    assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("name", "data").containsEntry("mountPath", "/data"));

    List<String> args = (List<String>) container.get("args");
    assertThat(args).hasSize(2).first().isEqualTo("run");
    Path jobFile = Path.of(args.get(1));
    assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("mountPath", jobFile.getParent().toString()));
    String yaml = (String) map(docs.get("ConfigMap"), "data").get(jobFile.getFileName().toString());
    Path copy = Files.writeString(work.resolve(jobFile.getFileName().toString()), yaml);
    List<String> scanArgs = JobFile.arguments(copy);
    assertThat(scanArgs).contains("/data/reports", "jdbc:h2:file:/data/mailsweep-data/mailsweep",
        "/etc/mailsweep/input/vendors.csv");
    new CommandLine(new ScanCommand()).parseArgs(scanArgs.toArray(String[]::new));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKubernetesFleetRunsWorkersAndAManagerOfOneQueueAndDatabase() throws Exception {
    Map<String, Map<String, Object>> docs = byKind(EXAMPLES.resolve("kubernetes/mailsweep-remote.yaml"));
    assertThat(docs).containsOnlyKeys("Secret", "ConfigMap", "Deployment", "PersistentVolumeClaim", "CronJob");
    String secret = (String) map(docs.get("Secret"), "metadata").get("name");
    assertThat(map(docs.get("Secret"), "stringData")).containsKeys("SPRING_RABBITMQ_HOST",
        "SPRING_DATASOURCE_USERNAME", "MAILSWEEP_REMOTE_QUEUE");

    Map<String, Object> workerPod = map(map(map(docs.get("Deployment"), "spec"), "template"), "spec");
    Map<String, Object> worker = ((List<Map<String, Object>>) workerPod.get("containers")).get(0);
    List<String> workerArgs = (List<String>) worker.get("args");
    assertThat(workerArgs.get(0)).isEqualTo("worker");
    new CommandLine(new WorkerCommand()).parseArgs(workerArgs.subList(1, workerArgs.size()).toArray(String[]::new));
    assertThat((Integer) workerPod.get("terminationGracePeriodSeconds")).as("longer than --stop-timeout")
        .isGreaterThan((int) DurationConverter.parse(workerArgs.get(workerArgs.indexOf("--stop-timeout") + 1))
            .toSeconds());

    Map<String, Object> spec = map(docs.get("CronJob"), "spec");
    assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
    Map<String, Object> managerPod = map(map(map(map(spec, "jobTemplate"), "spec"), "template"), "spec");
    Map<String, Object> manager = ((List<Map<String, Object>>) managerPod.get("containers")).get(0);
    for (Map<String, Object> container : List.of(worker, manager)) {
      assertThat((List<Map<String, Object>>) container.get("envFrom"))
          .containsExactly(Map.of("secretRef", Map.of("name", secret)));
    }
    Path jobFile = Path.of(((List<String>) manager.get("args")).get(1));
    String yaml = (String) map(docs.get("ConfigMap"), "data").get(jobFile.getFileName().toString());
    List<String> scanArgs = JobFile.arguments(Files.writeString(work.resolve(jobFile.getFileName().toString()), yaml));
    assertThat(scanArgs).containsSubsequence("--workers", "amqp");
    String db = scanArgs.get(scanArgs.indexOf("--db") + 1);
    assertThat(workerArgs).containsSubsequence("--db", db);
    ScanCommand scan = new ScanCommand();
    new CommandLine(scan).parseArgs(scanArgs.toArray(String[]::new));
    assertThat(scan.options.workers()).isEqualTo(io.mailsweep.job.Workers.AMQP);
  }

  @Test
  void theShippedJobsListWithTheirNextFireTimes() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new MailsweepCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute("schedule", "--list", "jobs")).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("schedule: jobs/lab.yml has no 'schedule' key: not scheduled")
        .containsPattern("vendors-nightly: \"0 2 \\* \\* \\*\" UTC \\(jobs/vendors-nightly.yml\\): "
            + "\\d{4}-\\d\\d-\\d\\d 02:00 UTC(, \\d{4}-\\d\\d-\\d\\d 02:00 UTC){4}");
  }

  /** The documents of a Kubernetes manifest by their kind. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> byKind(Path manifest) throws IOException {
    Map<String, Map<String, Object>> docs = new java.util.HashMap<>();
    try (var reader = Files.newBufferedReader(manifest)) {
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        Map<String, Object> m = (Map<String, Object>) doc;
        docs.put((String) m.get("kind"), m);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static String line(String unit, String prefix) {
    return unit.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }
}
