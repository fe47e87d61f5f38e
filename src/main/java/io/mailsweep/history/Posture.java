package io.mailsweep.history;

import io.mailsweep.check.Status;
import io.mailsweep.check.dmarc.DmarcCheck;
import io.mailsweep.check.mtasts.MtaStsCheck;
import io.mailsweep.check.mtasts.MtaStsPosture;
import io.mailsweep.policy.CheckFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy a domain publishes for a check, ranked from none to strongest, so that two runs can
 * say "downgraded" or "upgraded": DMARC's applicable policy (no policy, none, quarantine, reject,
 * RFC 7489 §6.3) and MTA-STS's mode (no policy, none, testing, enforce, RFC 8461 §5). A check that
 * is INCONCLUSIVE, or whose stored text this version cannot read, has no posture: it is never
 * taken for "no policy".
 *
 * @param label the policy as shown: {@code reject}, {@code testing}, {@code no policy}, ...
 */
record Posture(String label, int rank) {

  static final String NO_POLICY = "no policy";

  /** DMARC's applicable policy tag at the start of the summary: "p=reject; ...", "sp=none via x". */
  private static final Pattern DMARC_SUMMARY = Pattern.compile("^(?:p|sp|np)=(none|quarantine|reject)\\b");
  private static final List<String> DMARC_LEVELS = List.of(NO_POLICY, "none", "quarantine", "reject");
  private static final List<String> MTA_STS_LEVELS = List.of(NO_POLICY, "none", "testing", "enforce");
  /** The attribute mailsweep's MTA-STS results carry (the report's column of that name). */
  static final String MTA_STS_MODE = "MTA-STS mode";
  /** An optional attribute holding the DMARC policy token; preferred to the summary. */
  static final String DMARC_POLICY = "p";

  /** The posture of a check that has one (dmarc, mtasts), when it can be told. */
  static Optional<Posture> of(CheckFacts facts) {
    if (facts.status() == Status.INCONCLUSIVE) {
      return Optional.empty();
    }
    return switch (facts.check()) {
      case DmarcCheck.NAME -> dmarc(facts);
      case MtaStsCheck.NAME -> mtaSts(facts);
      default -> Optional.empty();
    };
  }

  private static Optional<Posture> dmarc(CheckFacts facts) {
    String p = facts.attribute(DMARC_POLICY);
    if (p != null && !p.isBlank()) {
      return level(DMARC_LEVELS, p.trim().toLowerCase(Locale.ROOT));
    }
    String summary = facts.summary() == null ? "" : facts.summary();
    Matcher m = DMARC_SUMMARY.matcher(summary);
    if (m.find()) {
      return level(DMARC_LEVELS, m.group(1));
    }
    // The evaluator's words for "no record applies": "none", "invalid", "invalid: 2 records".
    boolean noPolicy = summary.equals("none") || summary.startsWith("invalid");
    return noPolicy ? level(DMARC_LEVELS, NO_POLICY) : Optional.empty();
  }

  private static Optional<Posture> mtaSts(CheckFacts facts) {
    String mode = facts.attribute(MTA_STS_MODE);
    if (mode == null || mode.isBlank()) {
      return Optional.empty();
    }
    // "unknown" under a conclusive status is a record or policy senders cannot use: no policy.
    boolean noPolicy = mode.equals(MtaStsPosture.ABSENT) || mode.equals(MtaStsPosture.UNKNOWN);
    return level(MTA_STS_LEVELS, noPolicy ? NO_POLICY : mode);
  }

  private static Optional<Posture> level(List<String> levels, String label) {
    int rank = levels.indexOf(label);
    return rank < 0 ? Optional.empty() : Optional.of(new Posture(label, rank));
  }
}
