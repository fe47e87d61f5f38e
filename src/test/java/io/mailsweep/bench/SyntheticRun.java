package io.mailsweep.bench;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.transport.MailServer;
import io.mailsweep.domain.DomainName;
import io.mailsweep.scan.DomainScan;
import io.mailsweep.scan.ScannedDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but realistic results for the workbook benchmark: the eight default checks per domain
 * with DNS evidence in presentation form (long SPF records for some), STARTTLS probe lines, an
 * MTA-STS policy, attributes, about four findings per domain, and MX hosts shared among domains as
 * in real lists (a few large providers, many small ones). Deterministic for a given domain number.
 */
final class SyntheticRun {

  /** MX host pool: domains name hosts from it, so mail servers are shared. */
  static final int MX_HOSTS = 2_000;

  private SyntheticRun() {}

  static String domain(long i) {
    return "vendor" + i + ".example";
  }

  static ScannedDomain scanned(long inputRowId, long i) {
    Random r = new Random(i);
    String d = domain(i);
    String mx = "mx" + (r.nextInt(10) < 6 ? r.nextInt(5) : 5 + r.nextInt(MX_HOSTS - 5)) + ".mail.example";
    List<CheckResult> results = List.of(spf(d, r), dmarc(d, r), dkim(d, r), bimi(d), mxCheck(d, mx),
        starttls(mx, r), mtasts(d, mx, r), tlsrpt(d, r));
    Status worst = results.stream().map(CheckResult::status).reduce(Status.NOT_APPLICABLE, Status::worse);
    return new ScannedDomain(inputRowId, new DomainScan(DomainName.of(d), results, worst, null,
        Instant.parse("2026-11-29T02:00:00Z").plusMillis(i * 7), 40 + r.nextInt(400)));
  }

  /** About 70 % "-all" (PASS), 25 % "~all" (WARN), 5 % without a record (FAIL). */
  private static CheckResult spf(String d, Random r) {
    int kind = r.nextInt(20);
    if (kind == 0) {
      return new CheckResult("spf", Status.FAIL, "none", null,
          List.of(finding("SPF_MISSING", Severity.HIGH, "no SPF record at " + d, "RFC 7208 §4.5")),
          List.of(";; " + d + " TXT: NODATA (no TXT record)"));
    }
    boolean soft = kind <= 5;
    StringBuilder record = new StringBuilder("v=spf1 mx");
    int ranges = r.nextInt(10) == 0 ? 40 : 3;
    for (int k = 0; k < ranges; k++) {
      record.append(" ip4:198.51.").append(k).append(".0/24");
    }
    record.append(" include:_spf.provider").append(r.nextInt(20)).append(".example ").append(soft ? "~all" : "-all");
    List<String> evidence = List.of(";; " + d + " TXT: ANSWER", d + ". 300 IN TXT \"" + record + "\"",
        ";; _spf.provider.example TXT: ANSWER", "_spf.provider.example. 300 IN TXT \"v=spf1 ip4:203.0.113.0/24 -all\"");
    List<Finding> findings = soft
        ? List.of(finding("SPF_SOFTFAIL_ALL", Severity.LOW, d + " ends in ~all", "RFC 7208 §8.5"))
        : List.of();
    return new CheckResult("spf", Status.PASS, "valid; " + (soft ? "~all" : "-all") + "; 3 lookups", null, findings,
        evidence);
  }

  /** About 50 % reject (PASS), 30 % none (WARN), 15 % missing (FAIL), 5 % timed out (INCONCLUSIVE). */
  private static CheckResult dmarc(String d, Random r) {
    int kind = r.nextInt(20);
    if (kind == 0) {
      return CheckResult.inconclusive("dmarc", "TXT _dmarc." + d + ": TIMEOUT after 3 tries",
          List.of(";; _dmarc." + d + " TXT: TIMEOUT"));
    }
    if (kind <= 3) {
      return new CheckResult("dmarc", Status.FAIL, "none", null,
          List.of(finding("DMARC_MISSING", Severity.HIGH, "no DMARC record at _dmarc." + d, "RFC 7489 §6.1")),
          List.of(";; _dmarc." + d + " TXT: NXDOMAIN"));
    }
    boolean none = kind <= 9;
    String policy = none ? "none" : "reject";
    List<String> evidence = List.of(";; _dmarc." + d + " TXT: ANSWER",
        "_dmarc." + d + ". 3600 IN TXT \"v=DMARC1; p=" + policy + "; rua=mailto:dmarc@" + d + "\"");
    List<Finding> findings = none
        ? List.of(finding("DMARC_POLICY_NONE", Severity.MEDIUM, "p=none only monitors", "RFC 7489 §6.3"))
        : List.of();
    return new CheckResult("dmarc", none ? Status.WARN : Status.PASS, "p=" + policy + "; pct=100; rua ok", null,
        findings, evidence);
  }

  private static CheckResult dkim(String d, Random r) {
    String key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + "x".repeat(300 + r.nextInt(40)) + "IDAQAB";
    List<String> evidence = List.of(";; _domainkey." + d + " TXT: NODATA", ";; selector1._domainkey." + d
        + " TXT: ANSWER", "selector1._domainkey." + d + ". 3600 IN TXT \"v=DKIM1; k=rsa; p=" + key + "\"",
        ";; 41 of 42 selectors got no record (NXDOMAIN or NODATA): google, selector2, k1, s1, s2, dkim, mail");
    return new CheckResult("dkim", Status.PASS, "selector1: rsa 2048", null, List.of(), evidence);
  }

  private static CheckResult bimi(String d) {
    return new CheckResult("bimi", Status.NOT_APPLICABLE, "none", null, List.of(),
        List.of(";; default._bimi." + d + " TXT: NXDOMAIN"));
  }

  private static CheckResult mxCheck(String d, String mx) {
    return new CheckResult("mx", Status.PASS, "1 host: 10 " + mx + " (1 address)", null, List.of(),
        List.of(";; " + d + " MX: ANSWER", d + ". 3600 IN MX 10 " + mx + ".", ";; " + mx + " A: ANSWER",
            mx + ". 300 IN A " + address(mx)));
  }

  private static CheckResult starttls(String mx, Random r) {
    MailServer server = new MailServer(mx, address(mx), 25, "yes", "TLSv1.3", "TLS_AES_256_GCM_SHA384",
        "TLSv1.3 TLSv1.2", "none accepted", "CN=" + mx, "CN=Example Issuing CA 1", "2027-03-01T00:00:00Z",
        "EC 256 bits, SHA256withECDSA", "valid",
        "TLSv1.3 TLS_AES_256_GCM_SHA384");
    List<Attribute> attributes = List.of(new Attribute("STARTTLS on MX", "yes"), new Attribute("Worst TLS", "TLSv1.2"),
        new Attribute("Certificate", "valid"));
    return new CheckResult("starttls", Status.PASS, "STARTTLS yes (1/1 addresses); worst TLSv1.2", null, List.of(),
        List.of(mx + " (" + address(mx) + "):25 TLS TLSv1.3 TLS_AES_256_GCM_SHA384 banner=220 " + mx + " ESMTP"),
        attributes, List.of(server));
  }

  private static CheckResult mtasts(String d, String mx, Random r) {
    if (r.nextInt(4) != 0) {
      return new CheckResult("mtasts", Status.WARN, "absent", null,
          List.of(finding("MTASTS_MISSING", Severity.LOW, "no MTA-STS record at _mta-sts." + d, "RFC 8461 §3")),
          List.of(";; _mta-sts." + d + " TXT: NXDOMAIN"), List.of(new Attribute("MTA-STS mode", "absent"),
              new Attribute("MTA-STS valid", "")), List.of());
    }
    List<String> evidence = List.of(";; _mta-sts." + d + " TXT: ANSWER", "_mta-sts." + d
        + ". 300 IN TXT \"v=STSv1; id=20260101\"", ";; GET https://mta-sts." + d
        + "/.well-known/mta-sts.txt at 192.0.2.80: 200 text/plain 80 bytes", "| version: STSv1", "| mode: enforce",
        "| mx: " + mx, "| max_age: 604800");
    return new CheckResult("mtasts", Status.PASS, "enforce; valid", null, List.of(), evidence,
        List.of(new Attribute("MTA-STS mode", "enforce"), new Attribute("MTA-STS valid", "yes")), List.of());
  }

  private static CheckResult tlsrpt(String d, Random r) {
    if (r.nextInt(10) < 3) {
      return new CheckResult("tlsrpt", Status.PASS, "rua: mailto:tls@" + d, null, List.of(),
          List.of(";; _smtp._tls." + d + " TXT: ANSWER", "_smtp._tls." + d + ". 3600 IN TXT \"v=TLSRPTv1; rua=mailto:tls@"
              + d + "\""));
    }
    List<Finding> findings = List.of(finding("TLSRPT_MISSING", Severity.LOW, "no TLS-RPT record at _smtp._tls." + d,
        "RFC 8460 §3"));
    return new CheckResult("tlsrpt", Status.WARN, "none", null, findings,
        List.of(";; _smtp._tls." + d + " TXT: NXDOMAIN"));
  }

  private static Finding finding(String code, Severity severity, String message, String reference) {
    return new Finding(code, severity, message, "Remediation for " + code + ": publish the record the reference"
        + " describes, then scan again.", reference);
  }

  private static String address(String mx) {
    int h = Math.abs(mx.hashCode());
    return "10." + (h % 250) + "." + (h / 250 % 250) + "." + (1 + h / 62_500 % 250);
  }

  /** Input extras for a domain: vendor and owner columns, one CSV record. */
  static String extras(long i) {
    return "Vendor " + i + " Ltd,Owner " + (i % 97);
  }

  static List<String> extraColumns() {
    return new ArrayList<>(List.of("vendor", "owner"));
  }
}
