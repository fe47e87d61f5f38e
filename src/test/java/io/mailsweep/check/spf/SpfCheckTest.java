package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an SPF analysis becomes a status and a summary. */
class SpfCheckTest {
  private static SpfAnalysis analysis(SpfValidity validity, String reason, String record, String all,
      int lookups, Finding... findings) {
    return new SpfAnalysis(validity, reason, record, lookups, 0, all, 1, List.of(), List.of(findings),
        List.of("evidence"));
  }

  @Test
  void aCleanValidPolicyPasses() {
    CheckResult r = SpfCheck.judge(analysis(SpfValidity.VALID, null, "v=spf1 mx -all", "-all", 1));
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("valid; -all; 1 lookup");
    assertThat(r.evidence()).containsExactly("evidence");
  }

  @Test
  void theWorstFindingDecidesAValidPolicy() {
    Finding soft = SpfFinding.SPF_SOFTFAIL_ALL.with("~all");
    Finding pass = SpfFinding.SPF_PASS_ALL.with("+all");
    Finding info = SpfFinding.SPF_REDIRECT_IGNORED.with("ignored");
    assertThat(SpfCheck.judge(analysis(SpfValidity.VALID, null, "r", "~all", 0, soft)).status())
        .isEqualTo(Status.WARN);
    assertThat(SpfCheck.judge(analysis(SpfValidity.VALID, null, "r", "+all", 0, soft, pass)).status())
        .isEqualTo(Status.FAIL);
    assertThat(SpfCheck.judge(analysis(SpfValidity.VALID, null, "r", "-all", 0, info)).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void noneAndPermerrorFail() {
    CheckResult none = SpfCheck.judge(analysis(SpfValidity.NONE, null, null, null, 0,
        SpfFinding.SPF_MISSING.with("no record")));
    assertThat(none.status()).isEqualTo(Status.FAIL);
    assertThat(none.summary()).isEqualTo("none");
    CheckResult two = SpfCheck.judge(analysis(SpfValidity.PERMERROR, "2 SPF records at a.test", null, null, 0,
        SpfFinding.SPF_MULTIPLE_RECORDS.with("2 SPF records at a.test")));
    assertThat(two.status()).isEqualTo(Status.FAIL);
    assertThat(two.summary()).isEqualTo("permerror: 2 SPF records at a.test");
    CheckResult many = SpfCheck.judge(analysis(SpfValidity.PERMERROR, "too many", "v=spf1 ...", "-all", 12,
        SpfFinding.SPF_TOO_MANY_LOOKUPS.with("12")));
    assertThat(many.summary()).isEqualTo("permerror; -all; 12 lookups");
  }

  @Test
  void temperrorIsInconclusiveWithTheFailedLookupAsReason() {
    CheckResult r = SpfCheck.judge(analysis(SpfValidity.TEMPERROR,
        "the TXT lookup of inc.a.test failed: inc.a.test TXT: TIMEOUT", "v=spf1 include:inc.a.test -all", "-all", 1));
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("TIMEOUT");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void attributesForProfiles() {
    CheckResult valid = SpfCheck.judge(analysis(SpfValidity.VALID, null, "v=spf1 mx ~all", "~all", 3));
    assertThat(valid.attribute(SpfCheck.VALIDITY)).isEqualTo("valid");
    assertThat(valid.attribute(SpfCheck.ALL)).isEqualTo("~all");
    assertThat(valid.attribute(SpfCheck.LOOKUPS)).isEqualTo("3");
    CheckResult noAll = SpfCheck.judge(analysis(SpfValidity.VALID, null, "v=spf1 mx", null, 1));
    assertThat(noAll.attribute(SpfCheck.ALL)).isEqualTo("none");
    CheckResult none = SpfCheck.judge(analysis(SpfValidity.NONE, null, null, null, 0));
    assertThat(none.attribute(SpfCheck.VALIDITY)).isEqualTo("none");
    assertThat(none.attribute(SpfCheck.ALL)).isNull();
    CheckResult withSenders = SpfCheck.judge(analysis(SpfValidity.PERMERROR, "x", "v=spf1 +all", "+all", 11),
        List.of());
    assertThat(withSenders.attribute(SpfCheck.VALIDITY)).isEqualTo("permerror");
    assertThat(withSenders.attribute(SpfCheck.ALL)).isEqualTo("+all");
  }
}
