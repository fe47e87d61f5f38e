package io.mailsweep.check.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Status;
import io.mailsweep.net.dns.Answers;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import org.junit.jupiter.api.Test;

class DmarcCheckTest {
  private static final String NAME = "_dmarc.a.test";

  @Test
  void rejectAndQuarantinePass() {
    assertThat(DmarcCheck.judge(Answers.txt(NAME, "v=DMARC1; p=reject")).summary()).isEqualTo("p=reject");
    CheckResult q = DmarcCheck.judge(Answers.txt(NAME, "v=DMARC1; p=quarantine"));
    assertThat(q.status()).isEqualTo(Status.PASS);
    assertThat(q.summary()).isEqualTo("p=quarantine");
  }

  @Test
  void monitoringOnlyWarns() {
    CheckResult r = DmarcCheck.judge(Answers.txt(NAME, "v=DMARC1; p=none"));
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("DMARC_POLICY_NONE");
  }

  @Test
  void absentRecordFails() {
    CheckResult nx = DmarcCheck.judge(Answers.status(NAME, RecordType.TXT, DnsStatus.NXDOMAIN));
    CheckResult other = DmarcCheck.judge(Answers.txt(NAME, "v=spf1 -all"));
    assertThat(nx.findings()).extracting(Finding::code).containsExactly("DMARC_MISSING");
    assertThat(other.findings()).extracting(Finding::code).containsExactly("DMARC_MISSING");
    assertThat(nx.summary()).isEqualTo("none");
  }

  @Test
  void invalidAndMultipleRecordsFail() {
    CheckResult invalid = DmarcCheck.judge(Answers.txt(NAME, "v=DMARC1; p=rejct"));
    assertThat(invalid.status()).isEqualTo(Status.FAIL);
    assertThat(invalid.findings()).extracting(Finding::code).containsExactly("DMARC_INVALID");
    CheckResult two = DmarcCheck.judge(Answers.txt(NAME, "v=DMARC1; p=reject", "v=DMARC1; p=none"));
    assertThat(two.findings()).extracting(Finding::code).containsExactly("DMARC_MULTIPLE_RECORDS");
  }

  @Test
  void timeoutIsInconclusive() {
    CheckResult r = DmarcCheck.judge(Answers.status(NAME, RecordType.TXT, DnsStatus.TIMEOUT));
    assertThat(r.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(r.reason()).contains("TIMEOUT");
  }
}
