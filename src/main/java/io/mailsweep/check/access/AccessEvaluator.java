package io.mailsweep.check.access;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.access.MailAccessCheck.HostAddresses;
import io.mailsweep.check.access.MailAccessCheck.Published;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.CertificateReport;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.access.AccessOutcome;
import io.mailsweep.net.access.AccessProbeResult;
import io.mailsweep.net.access.AccessSecurity;
import io.mailsweep.net.dns.DnsStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges one domain's mail access from its SRV answers, its hosts' addresses and the probes of
 * them. Pure apart from the certificate judge it is given.
 *
 * <p>Status: NOT_APPLICABLE when no service is published (or every published one says "not
 * offered"); otherwise from the findings (HIGH fails, MEDIUM or LOW warns), except that a result
 * with nothing against it is INCONCLUSIVE when an SRV lookup failed or a published address was not
 * tested (refused by the target guard, or no answer in time: a tarpit or a filtered port is no
 * proof either way, as for the STARTTLS check). A refused connection is a finding: the host
 * answered that nothing listens where the SRV record points. A certificate is valid when it is valid for the SRV target host or, failing that, for
 * the mail domain itself (RFC 6186 §6 names the domain; providers' certificates name their host).
 */
final class AccessEvaluator {
  private static final List<String> OLD_TLS = List.of("TLSv1", "TLSv1.1", "SSLv3");

  private final CertificateEvaluator certificates;
  private final Instant now;
  private final Set<Finding> findings = new LinkedHashSet<>();
  private final List<String> evidence = new ArrayList<>();
  private final List<AccessServer> servers = new ArrayList<>();
  private final List<String> untested = new ArrayList<>();
  /** Service and host of every guessed target ("imaps imap.example.com"). */
  private final Set<String> guessed = new java.util.HashSet<>();
  /** Hosts some SRV record names. */
  private final Set<DomainName> named = new java.util.HashSet<>();

  AccessEvaluator(CertificateEvaluator certificates, Instant now) {
    this.certificates = certificates;
    this.now = now;
  }

  CheckResult evaluate(DomainName domain, List<Published> services, List<HostAddresses> hosts,
      List<AccessObservation> observations, int notProbed, int maxProbes) {
    List<String> failedLookups = new ArrayList<>();
    for (Published p : services) {
      for (SrvTarget t : p.targets()) {
        if (p.guessed()) {
          guessed.add(p.service() + " " + t.host());
        } else {
          named.add(t.host());
        }
      }
      evidence.addAll(DnsEvidence.of(p.answer()));
      if (!p.answer().status().conclusive()) {
        failedLookups.add(p.service().display());
      }
    }
    for (HostAddresses h : hosts) {
      evidence.addAll(DnsEvidence.of(h.a()));
      evidence.addAll(DnsEvidence.of(h.aaaa()));
      if (h.provenEmpty() && named.contains(h.host())) {
        findings.add(AccessFinding.ACCESS_SRV_NO_ADDRESS.with("SRV target " + h.host() + " has no A or AAAA record"));
      }
    }
    Map<AccessService, List<AccessObservation>> byService = new LinkedHashMap<>();
    for (AccessObservation o : observations) {
      byService.computeIfAbsent(o.service(), s -> new ArrayList<>()).add(o);
      judge(domain, o);
    }
    startTlsOnly(services, byService);

    List<String> parts = new ArrayList<>();
    for (Published p : services) {
      String word = word(p, byService.getOrDefault(p.service(), List.of()).stream()
          .filter(o -> !p.guessed() || answered(o)).toList());
      if (word != null) {
        parts.add(p.service().display() + " " + word);
      }
    }
    String summary = parts.isEmpty() ? "no SRV records" : String.join("; ", parts);
    if (notProbed > 0) {
      summary += "; " + notProbed + " more addresses not probed (--max-access-probes " + maxProbes + ")";
    }
    List<Attribute> attributes = List.of(new Attribute(MailAccessCheck.LOGIN_BEFORE_TLS, loginBeforeTls(observations)));
    boolean published = services.stream().anyMatch(Published::published);
    boolean guessAnswered = observations.stream().anyMatch(o -> isGuessed(o) && answered(o));
    boolean offered = services.stream().anyMatch(p -> !p.guessed() && !p.targets().isEmpty()) || guessAnswered;
    if (!published && failedLookups.isEmpty()) {
      findings.add(AccessFinding.ACCESS_NONE_PUBLISHED.with("no SRV record for any mail-access service of " + domain));
      if (!guessAnswered) {
        return result(Status.NOT_APPLICABLE, "none published", null, attributes);
      }
    }
    Status status = Severity.statusOf(List.copyOf(findings));
    if (!failedLookups.isEmpty() && status == Status.PASS) {
      return result(Status.INCONCLUSIVE, summary, "SRV lookup failed for " + String.join(", ", failedLookups),
          attributes);
    }
    if (!offered && failedLookups.isEmpty() && findings.isEmpty()) {
      return result(Status.NOT_APPLICABLE, summary, null, attributes);
    }
    if (status == Status.PASS && !untested.isEmpty()) {
      return result(Status.INCONCLUSIVE, summary, "not tested: " + String.join("; ", untested), attributes);
    }
    if (status == Status.PASS && offered && observations.isEmpty()) {
      return result(Status.INCONCLUSIVE, summary, "no published host has an address", attributes);
    }
    return result(status, summary, null, attributes);
  }

  private CheckResult result(Status status, String summary, String reason, List<Attribute> attributes) {
    return new CheckResult(MailAccessCheck.NAME, status, summary, reason, List.copyOf(findings), evidence,
        attributes, List.of(), servers);
  }

  private boolean isGuessed(AccessObservation o) {
    return guessed.contains(o.service() + " " + o.host()) && !named.contains(o.host());
  }

  /** Whether a server answered: something listens and spoke, whatever it said. */
  private static boolean answered(AccessObservation o) {
    return o.probed() && o.result().outcome() != AccessOutcome.CONNECT_FAILED
        && o.result().outcome() != AccessOutcome.TIMEOUT;
  }

  /**
   * The findings, evidence line and sheet row of one observation. A guessed host that is not
   * contacted or does not answer leaves an evidence line only: nobody said it exists.
   */
  private void judge(DomainName domain, AccessObservation o) {
    String where = o.service().display() + " " + o.host() + ":" + o.port() + " (" + o.address() + ")"
        + (isGuessed(o) ? " (guessed host)" : "");
    if (isGuessed(o) && !answered(o)) {
      evidence.add(";; " + where + ": " + (o.probed() ? o.result().outcome() + " (" + o.result().detail() + ")"
          : "not contacted: " + o.skipped()));
      return;
    }
    if (!o.probed()) {
      untested.add(where + ": not contacted: " + o.skipped());
      evidence.add(";; " + where + ": not contacted: " + o.skipped());
      servers.add(new AccessServer(o.host().text(), o.address(), o.port(), o.service().display(),
          "not tested: " + o.skipped(), null, null, null, null, null, null, null, o.skipped()));
      return;
    }
    AccessProbeResult r = o.result();
    CertificateReport certificate = r.chain().isEmpty() ? null : certificate(r, o.host(), domain);
    evidence.add(";; " + where + ": " + r.outcome() + " (" + r.detail() + ") in " + r.millis() + " ms"
        + (r.capabilities().isEmpty() ? "" : "; capabilities " + String.join(" ", r.capabilities()))
        + (certificate == null ? "" : "; certificate " + (certificate.valid() ? "valid" : certificate.problem())));
    if (Boolean.TRUE.equals(r.loginBeforeTls())) {
      findings.add(AccessFinding.ACCESS_LOGIN_BEFORE_TLS.with(where + " offers "
          + String.join(", ", r.loginMechanisms()) + " before TLS"));
    }
    switch (r.outcome()) {
      case TLS -> {
        if (OLD_TLS.contains(r.tlsProtocol())) {
          findings.add(AccessFinding.ACCESS_TLS_OLD.with(where + " negotiated " + r.tlsProtocol()));
        }
        if (certificate == null || !certificate.valid()) {
          findings.add(AccessFinding.ACCESS_CERTIFICATE_INVALID.with(where + ": "
              + (certificate == null ? "no certificate presented" : certificate.problem())));
        }
      }
      case NO_STARTTLS -> findings.add(AccessFinding.ACCESS_CLEARTEXT_ONLY.with(where + " does not offer "
          + (o.service().protocol() == io.mailsweep.net.access.AccessProtocol.POP3 ? "STLS" : "STARTTLS")));
      case STARTTLS_REFUSED -> findings.add(AccessFinding.ACCESS_STARTTLS_REFUSED.with(where + ": " + r.detail()));
      case HANDSHAKE_FAILED -> findings.add(AccessFinding.ACCESS_TLS_FAILED.with(where + ": " + r.detail()));
      case TIMEOUT -> untested.add(where + ": " + r.detail());
      case CONNECT_FAILED, REJECTED, PROTOCOL_ERROR ->
          findings.add(AccessFinding.ACCESS_UNREACHABLE.with(where + ": " + r.detail()));
    }
    servers.add(new AccessServer(o.host().text(), o.address(), o.port(), o.service().display(), tls(r),
        login(r), r.tlsProtocol(), r.cipherSuite(), certificate == null ? null : certificate.subject(),
        certificate == null ? null : certificate.issuer(),
        certificate == null || certificate.notAfter() == null ? null
            : DateTimeFormatter.ISO_INSTANT.format(certificate.notAfter()),
        certificate == null ? null : certificate.valid() ? "valid" : certificate.problem(), r.detail()));
  }

  /** The chain judged for the SRV target host, else for the mail domain if that one is valid. */
  private CertificateReport certificate(AccessProbeResult r, DomainName host, DomainName domain) {
    CertificateReport forHost = certificates.evaluate(r.chain(), host, now);
    if (forHost.valid() || forHost.validation() != CertificateReport.Validation.NAME_MISMATCH || host.equals(domain)) {
      return forHost;
    }
    CertificateReport forDomain = certificates.evaluate(r.chain(), domain, now);
    return forDomain.valid() ? forDomain : forHost;
  }

  /** A protocol published only with STARTTLS that works: implicit TLS is preferred (RFC 8314 §3). */
  private void startTlsOnly(List<Published> services, Map<AccessService, List<AccessObservation>> byService) {
    for (Published p : services) {
      if (p.service().security() != AccessSecurity.STARTTLS || p.targets().isEmpty() || p.guessed()) {
        continue;
      }
      boolean implicitPublished = services.stream().anyMatch(q -> q.service().protocol() == p.service().protocol()
          && q.service().security() == AccessSecurity.IMPLICIT_TLS && !q.targets().isEmpty());
      boolean upgraded = byService.getOrDefault(p.service(), List.of()).stream()
          .anyMatch(o -> o.probed() && o.result().outcome() == AccessOutcome.TLS);
      if (!implicitPublished && upgraded) {
        findings.add(AccessFinding.ACCESS_STARTTLS_ONLY.with(p.service().protocolName() + " is published only with"
            + " STARTTLS (_" + p.service().display() + "._tcp), not with implicit TLS"));
      }
    }
  }

  /** One service in the summary, or null when it is not published (nor a guess answered). */
  private static String word(Published p, List<AccessObservation> observations) {
    if (p.guessed()) {
      return observations.isEmpty() ? null : published(p, observations) + " (guessed host)";
    }
    return published(p, observations);
  }

  private static String published(Published p, List<AccessObservation> observations) {
    if (!p.answer().status().conclusive()) {
      return "lookup failed";
    }
    if (p.notOffered()) {
      return "not offered";
    }
    if (!p.guessed() && !p.published()) {
      return null;
    }
    if (p.targets().isEmpty()) {
      return "unreadable SRV record";
    }
    if (observations.isEmpty()) {
      return "no address";
    }
    Set<String> words = new LinkedHashSet<>();
    for (AccessObservation o : observations) {
      if (!o.probed()) {
        words.add("not tested");
        continue;
      }
      AccessProbeResult r = o.result();
      words.add(switch (r.outcome()) {
        case TLS -> (r.security() == AccessSecurity.STARTTLS ? "STARTTLS " : "") + r.tlsProtocol();
        case NO_STARTTLS -> "cleartext";
        case STARTTLS_REFUSED -> "STARTTLS refused";
        case HANDSHAKE_FAILED -> "TLS failed";
        case CONNECT_FAILED -> "connection refused";
        case TIMEOUT -> "no answer";
        case REJECTED -> "refused";
        case PROTOCOL_ERROR -> "protocol error";
      });
      if (Boolean.TRUE.equals(r.loginBeforeTls())) {
        words.add("login before TLS");
      }
    }
    return String.join(", ", words);
  }

  private static String loginBeforeTls(List<AccessObservation> observations) {
    Set<String> services = new LinkedHashSet<>();
    boolean known = false;
    for (AccessObservation o : observations) {
      if (o.probed() && o.result().loginBeforeTls() != null) {
        known = true;
        if (o.result().loginBeforeTls()) {
          services.add(o.service().display());
        }
      }
    }
    return !known ? "" : services.isEmpty() ? "no" : "yes: " + String.join(", ", services);
  }

  private static String tls(AccessProbeResult r) {
    return switch (r.outcome()) {
      case TLS -> r.security() == AccessSecurity.IMPLICIT_TLS ? "implicit TLS" : "STARTTLS";
      case NO_STARTTLS -> "no";
      default -> "failed: " + r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  private static String login(AccessProbeResult r) {
    if (r.loginBeforeTls() == null) {
      return null;
    }
    return r.loginBeforeTls() ? "yes: " + String.join(", ", r.loginMechanisms()) : "no";
  }
}
