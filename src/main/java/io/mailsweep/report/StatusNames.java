package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.util.List;

/** Status names as stored in the database, and the order the report lists them in. */
final class StatusNames {

  /** Column order of status counts: outcomes of a real test first, then could-not-tell, then n/a. */
  static final List<Status> DISPLAY_ORDER =
      List.of(Status.PASS, Status.WARN, Status.FAIL, Status.INCONCLUSIVE, Status.NOT_APPLICABLE);

  private StatusNames() {}

  /** The status named {@code name} exactly as stored, or null if it names none. */
  static Status parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Status.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
