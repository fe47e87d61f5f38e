package io.mailsweep.check;

import io.mailsweep.check.access.AccessServer;
import io.mailsweep.check.transport.MailServer;
import java.util.List;

/**
 * What one check concluded about one domain.
 *
 * @param summary short text for the report cell, e.g. {@code p=reject} or {@code 1 record}
 * @param reason why the check is INCONCLUSIVE (which lookup failed, how), else null
 * @param evidence the raw material the status rests on: DNS answers in presentation form
 * @param attributes named values the report shows in their own columns (e.g. the STARTTLS
 *     coverage, the worst TLS version); the names a check can give are fixed per check
 * @param servers the mail servers the check contacted, for the report's Mail servers sheet
 * @param accessServers the mail-access servers (IMAP, POP3, submission) the check contacted, for
 *     the report's Mail access sheet
 */
public record CheckResult(
    String check,
    Status status,
    String summary,
    String reason,
    List<Finding> findings,
    List<String> evidence,
    List<Attribute> attributes,
    List<MailServer> servers,
    List<AccessServer> accessServers) {

  /** One named value of a result. */
  public record Attribute(String name, String value) {}

  public CheckResult {
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
    attributes = List.copyOf(attributes);
    servers = List.copyOf(servers);
    accessServers = List.copyOf(accessServers);
  }

  public CheckResult(String check, Status status, String summary, String reason, List<Finding> findings,
      List<String> evidence, List<Attribute> attributes, List<MailServer> servers) {
    this(check, status, summary, reason, findings, evidence, attributes, servers, List.of());
  }

  public CheckResult(String check, Status status, String summary, String reason, List<Finding> findings,
      List<String> evidence) {
    this(check, status, summary, reason, findings, evidence, List.of(), List.of());
  }

  public static CheckResult inconclusive(String check, String reason, List<String> evidence) {
    return new CheckResult(check, Status.INCONCLUSIVE, "inconclusive", reason, List.of(), evidence);
  }

  /** This result with {@code more} attributes. */
  public CheckResult withAttributes(List<Attribute> more) {
    return new CheckResult(check, status, summary, reason, findings, evidence, more, servers, accessServers);
  }

  /** The value of attribute {@code name}, or null. */
  public String attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst().orElse(null);
  }
}
