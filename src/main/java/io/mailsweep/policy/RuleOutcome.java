package io.mailsweep.policy;

import io.mailsweep.check.Status;

/**
 * What one rule of a profile concluded for one domain.
 *
 * @param ruleId the rule's id within its profile
 * @param status PASS, WARN, FAIL, NOT_APPLICABLE or INCONCLUSIVE
 * @param detail why, in words: the unmet conditions with the values found, the check that was
 *     missing or inconclusive, or for a pass the summaries of the checks read; at most
 *     {@value #MAX_DETAIL} characters
 */
public record RuleOutcome(String ruleId, Status status, String detail) {
  public static final int MAX_DETAIL = 500;

  public RuleOutcome {
    detail = detail == null ? "" : detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
  }
}
