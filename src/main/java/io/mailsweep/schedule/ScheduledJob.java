package io.mailsweep.schedule;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job file and when it fires.
 *
 * @param name the job's name, for the log (the file's {@code name}, else its file name)
 */
public record ScheduledJob(String name, Path file, CronSchedule schedule) {
  public ScheduledJob {
    Objects.requireNonNull(name);
    Objects.requireNonNull(file);
    Objects.requireNonNull(schedule);
  }
}
