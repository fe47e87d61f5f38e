package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.net.dns.Answers;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import org.junit.jupiter.api.Test;

class SpfCheckTest {
  @Test
  void oneRecordPassesWithItsTextAsSummary() {
    CheckResult r = SpfCheck.judge(Answers.txt("a.test", "other=1", "v=spf1 -all"));
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.summary()).isEqualTo("v=spf1 -all");
    assertThat(r.evidence()).anyMatch(e -> e.contains("\"v=spf1 -all\""));
  }

  @Test
  void noSpfAmongOtherTxtRecordsIsMissing() {
    CheckResult r = SpfCheck.judge(Answers.txt("a.test", "google-site-verification=x", "v=spf10"));
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("SPF_MISSING");
  }

  @Test
  void twoRecordsArePermerror() {
    CheckResult r = SpfCheck.judge(Answers.txt("a.test", "v=spf1 -all", "V=SPF1 ip4:127.0.0.1 -all"));
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.summary()).startsWith("permerror");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("SPF_MULTIPLE_RECORDS");
  }

  @Test
  void nonExistentDomainFails() {
    CheckResult r = SpfCheck.judge(Answers.status("gone.test", RecordType.TXT, DnsStatus.NXDOMAIN));
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("SPF_DOMAIN_NXDOMAIN");
  }

  @Test
  void lookupFailuresAreInconclusiveNeverMissing() {
    for (DnsStatus s : new DnsStatus[] {DnsStatus.TIMEOUT, DnsStatus.SERVFAIL, DnsStatus.REFUSED,
        DnsStatus.ERROR, DnsStatus.UNRELIABLE}) {
      CheckResult r = SpfCheck.judge(Answers.status("a.test", RecordType.TXT, s));
      assertThat(r.status()).as(s.name()).isEqualTo(Status.INCONCLUSIVE);
      assertThat(r.reason()).contains(s.name());
      assertThat(r.findings()).isEmpty();
    }
  }
}
