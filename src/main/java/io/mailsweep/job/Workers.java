package io.mailsweep.job;

import java.util.Locale;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Where a run's scan partitions execute. */
public enum Workers {
  /** On threads of the process that runs the job (the default). */
  LOCAL,
  /**
   * On {@code mailsweep worker} processes that take the partitions from RabbitMQ; the job's
   * process imports, waits and writes the report. Needs a database every process can reach.
   */
  AMQP;

  /** The job parameter that records the mode; runs stored before it existed are local. */
  public static final String PARAMETER = "workers";

  public static Workers parse(String text) {
    for (Workers w : values()) {
      if (w.name().equalsIgnoreCase(text.trim())) {
        return w;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not one of local, amqp");
  }

  public static Workers of(JobParameters parameters) {
    return of(parameters.getString(PARAMETER));
  }

  /** The mode a job parameter's text names; none is local. */
  public static Workers of(String parameter) {
    return parameter == null || parameter.isEmpty() ? LOCAL : parse(parameter);
  }

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
