package io.mailsweep.report;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Times as the report shows them: ISO-8601 in UTC to the second, e.g. {@code 2025-03-01T09:00:00Z}. */
final class Utc {

  private Utc() {}

  /** The time in UTC to the second; null for null. */
  static String format(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
