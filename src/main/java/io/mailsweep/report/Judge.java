package io.mailsweep.report;

import io.mailsweep.history.DiffSettings;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.ProfileCatalog;

/**
 * The compliance profile a report judges by, or why there is none: loaded once per report. A run
 * whose profile file has gone since it was scanned still gets its report, without verdicts.
 *
 * @param profile null when none was asked for or it could not be loaded
 * @param problem why the profile could not be loaded, else null
 */
record Judge(Profile profile, String problem) {

  static Judge load(String name) {
    if (name == null || name.isBlank()) {
      return new Judge(null, null);
    }
    try {
      return new Judge(ProfileCatalog.load(name), null);
    } catch (IllegalArgumentException e) {
      return new Judge(null, "profile " + name + " could not be loaded: " + e.getMessage());
    }
  }

  /** Run-to-run comparison, with verdict changes when there is a profile. */
  DiffSettings diffSettings() {
    return profile == null ? DiffSettings.DEFAULTS
        : DiffSettings.DEFAULTS.withVerdict(facts -> profile.evaluate(facts).compliance().name());
  }
}
