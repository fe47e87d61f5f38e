package io.mailsweep.report;

import io.mailsweep.history.DiffSettings;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.ProfileCatalog;
import io.mailsweep.store.FactsRepository;
import java.util.stream.Stream;

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

  /** The run's verdict counts, or null without a profile. */
  ComplianceTotals totals(FactsRepository facts, long runId) {
    if (profile == null) {
      return null;
    }
    try (Stream<DomainFacts> domains = facts.domains(runId, FactsRepository.Order.LINE)) {
      return ComplianceTotals.count(profile, domains.iterator());
    }
  }

  /** Run-to-run comparison, with verdict changes when there is a profile. */
  DiffSettings diffSettings() {
    return profile == null ? DiffSettings.DEFAULTS
        : DiffSettings.DEFAULTS.withVerdict(facts -> profile.evaluate(facts).compliance().name());
  }
}
