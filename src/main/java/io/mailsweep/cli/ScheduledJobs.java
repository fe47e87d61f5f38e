package io.mailsweep.cli;

import io.mailsweep.schedule.CronSchedule;
import io.mailsweep.schedule.ScheduledJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The job files a schedule fires: each file given, and the {@code *.yml}/{@code *.yaml} files of
 * each folder given (not its sub-folders), in name order. Every one is checked as {@code run}
 * would check it, so a mistake is reported at start, naming the file, not at 2 a.m.
 *
 * @param scheduled the jobs with a {@code schedule}
 * @param unscheduled files found in a folder without a {@code schedule} key, which are left out
 */
record ScheduledJobs(List<ScheduledJob> scheduled, List<Path> unscheduled) {
  static final int MAX_FILES = 1000;

  static ScheduledJobs load(List<Path> paths) {
    List<ScheduledJob> scheduled = new ArrayList<>();
    List<Path> unscheduled = new ArrayList<>();
    for (Path path : paths) {
      boolean folder = Files.isDirectory(path);
      for (Path file : folder ? jobFiles(path) : List.of(path)) {
        Map<String, Object> keys = JobFile.read(file);
        checkRunnable(file);
        if (keys.get("schedule") != null) {
          scheduled.add(job(file, keys));
        } else if (folder) {
          unscheduled.add(file);
        } else {
          throw new UserError(file + ": no 'schedule' key, e.g. schedule: \"0 2 * * *\"");
        }
      }
    }
    if (scheduled.isEmpty()) {
      throw new UserError("no job file in " + paths + " has a 'schedule' key");
    }
    checkNames(scheduled);
    return new ScheduledJobs(List.copyOf(scheduled), List.copyOf(unscheduled));
  }

  private static List<Path> jobFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .filter(Files::isRegularFile).sorted().limit(MAX_FILES + 1L).toList();
      if (found.size() > MAX_FILES) {
        throw new UserError(folder + " holds more than " + MAX_FILES + " job files");
      }
      return found;
    } catch (IOException e) {
      throw new UserError("cannot list " + folder + ": " + e.getMessage());
    }
  }

  private static ScheduledJob job(Path file, Map<String, Object> keys) {
    if (!(keys.get("schedule") instanceof String schedule)) {
      throw new UserError(file + ": 'schedule' must be text in quotes, e.g. schedule: \"0 2 * * *\"");
    }
    ZoneId zone = zone(file, keys.get("timezone"));
    try {
      return new ScheduledJob(name(file, keys), file, CronSchedule.parse(schedule, zone));
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": 'schedule': " + e.getMessage());
    }
  }

  private static ZoneId zone(Path file, Object timezone) {
    if (timezone == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timezone.toString());
    } catch (DateTimeException e) {
      throw new UserError(file + ": 'timezone' " + timezone + " is not a time zone (e.g. UTC, Europe/Berlin)");
    }
  }

  private static String name(Path file, Map<String, Object> keys) {
    Object name = keys.get("name");
    if (name != null) {
      return name.toString();
    }
    String fileName = file.getFileName().toString();
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }

  /** Parses the job's scan arguments and builds its request, as {@code run} will. */
  private static void checkRunnable(Path file) {
    ScanCommand scan = new ScanCommand();
    try {
      new CommandLine(scan).parseArgs(JobFile.arguments(file).toArray(String[]::new));
      scan.options.toRequest(scan.input);
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage());
    } catch (UserError e) {
      throw e.getMessage().contains(file.toString()) ? e : new UserError(file + ": " + e.getMessage());
    }
  }

  /** Runs are compared by job name (history, the Changes sheet): two files must not share one. */
  private static void checkNames(List<ScheduledJob> jobs) {
    Map<String, Path> seen = new HashMap<>();
    for (ScheduledJob job : jobs) {
      Path other = seen.putIfAbsent(job.name(), job.file());
      if (other != null) {
        throw new UserError("job files " + other + " and " + job.file() + " share the name '" + job.name()
            + "'; runs are compared by name, so give each its own");
      }
    }
  }
}
