package io.mailsweep.check.starttls;

import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.check.mx.MxEvaluation;
import io.mailsweep.check.mx.MxHosts;
import io.mailsweep.check.starttls.Observed.Answer;
import io.mailsweep.check.transport.ServerProbe.Skip;
import io.mailsweep.net.smtp.ProtocolSupport;
import io.mailsweep.net.smtp.SmtpOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a domain's MX addresses from their probes (RFC 3207, RFC 8996, RFC 7465): whether every
 * address offers STARTTLS, the oldest protocol version any accepts, weak suites, and the
 * certificates. An address that could not be tested never counts as one without STARTTLS; an
 * IPv6 address that could not be reached does not make the domain inconclusive when an IPv4
 * address of the same host was tested, since many scanning networks have no IPv6 route.
 */
public final class StartTlsEvaluator {
  static final String NAME = "starttls";
  /** Attribute names: the Domains sheet shows each in its own column. */
  public static final String STARTTLS = "STARTTLS on MX";
  public static final String WORST_TLS = "Worst TLS";
  public static final String CERTIFICATE = "Certificate";
  /** Every attribute name a STARTTLS result can carry: the columns, then those of {@link TlsAttributes}. */
  public static final List<String> ATTRIBUTES = List.of(STARTTLS, WORST_TLS, CERTIFICATE, TlsAttributes.TLS_VERSIONS,
      TlsAttributes.TLS_VERSIONS_TESTED, TlsAttributes.WEAK_CIPHERS, TlsAttributes.WEAK_CIPHERS_TESTED);

  private StartTlsEvaluator() {}

  static CheckResult evaluate(MxEvaluation mx, List<Observed> servers) {
    CheckResult mxResult = mx.result();
    if (mxResult.status() == Status.INCONCLUSIVE) {
      return attributes(CheckResult.inconclusive(NAME, mxResult.reason(), List.of()), "not tested", null, null);
    }
    if (mx.hosts().kind() == MxHosts.Kind.NULL_MX || servers.isEmpty()) {
      String why = mx.hosts().kind() == MxHosts.Kind.NULL_MX ? "null MX: the domain accepts no mail"
          : "no MX address to probe";
      return attributes(new CheckResult(NAME, Status.NOT_APPLICABLE, why, null, List.of(), List.of()),
          "n/a", null, null);
    }
    List<Finding> findings = new ArrayList<>();
    servers.forEach(s -> findings.addAll(serverFindings(s)));
    String coverage = coverage(servers);
    String worst = worstVersion(servers);
    String certificate = Certificates.status(servers);
    servers.stream().filter(s -> s.certificate() != null).forEach(s -> findings.addAll(s.certificate().findings()));
    List<Observed> untested = untested(servers);
    Status status = Severity.statusOf(findings);
    String reason = null;
    if (!untested.isEmpty() && status != Status.FAIL) {
      status = Status.INCONCLUSIVE;
      reason = "not tested: " + untested.stream().map(s -> s.label() + ": " + s.notTestedReason()).distinct()
          .reduce((a, b) -> a + "; " + b).orElse("");
    }
    CheckResult r = new CheckResult(NAME, status, summary(coverage, servers, worst), reason, dedupe(findings),
        evidence(servers), List.of(), MailServers.rows(servers));
    CheckResult withColumns = attributes(r, coverage, worst, certificate);
    List<Attribute> all = new ArrayList<>(withColumns.attributes());
    all.addAll(TlsAttributes.of(servers));
    return withColumns.withAttributes(all);
  }

  /** yes / partial / no / not tested, over the addresses that were tested. */
  static String coverage(List<Observed> servers) {
    long yes = servers.stream().filter(s -> s.answer() == Answer.YES).count();
    long no = servers.stream().filter(s -> s.answer() == Answer.NO).count();
    if (yes == 0 && no == 0) {
      return "not tested";
    }
    return no == 0 ? "yes" : yes == 0 ? "no" : "partial";
  }

  private static List<Observed> untested(List<Observed> servers) {
    List<Observed> out = new ArrayList<>();
    for (Observed s : servers) {
      if (s.answer() != Answer.NOT_TESTED || special(s)) {
        continue;
      }
      boolean v4Tested = servers.stream().anyMatch(o -> o.probe().host().equals(s.probe().host()) && !o.ipv6()
          && o.answer() != Answer.NOT_TESTED);
      if (!(s.ipv6() && v4Tested)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean special(Observed s) {
    return !s.probe().probed() && s.probe().skipped() == Skip.SPECIAL_ADDRESS;
  }

  private static List<Finding> serverFindings(Observed s) {
    List<Finding> out = new ArrayList<>();
    if (special(s)) {
      out.add(StartTlsFinding.MX_ADDRESS_SPECIAL.with("MX host " + s.label() + ": " + s.probe().skipDetail()));
      return out;
    }
    if (s.answer() == Answer.NO) {
      SmtpOutcome o = s.probe().result().outcome();
      StartTlsFinding f = o == SmtpOutcome.NO_STARTTLS ? StartTlsFinding.STARTTLS_MISSING
          : o == SmtpOutcome.STARTTLS_REFUSED ? StartTlsFinding.STARTTLS_REFUSED : StartTlsFinding.TLS_HANDSHAKE_FAILED;
      out.add(f.with(s.label() + ": " + s.probe().result().detail()));
    }
    if (s.answer() == Answer.YES) {
      List<String> legacy = accepted(s).stream().filter(TlsVersions::legacy).toList();
      if (!legacy.isEmpty()) {
        out.add(StartTlsFinding.TLS_LEGACY_VERSION.with(s.label() + " accepts " + String.join(" and ", legacy)));
      }
      List<String> weak = s.probe().result().weakCiphersAccepted();
      if (!weak.isEmpty()) {
        out.add(StartTlsFinding.TLS_WEAK_CIPHER.with(s.label() + " accepts " + String.join(", ", weak)));
      }
    }
    return out;
  }

  /** The versions the server accepted: the per-version handshakes, else the negotiated one. */
  static List<String> accepted(Observed s) {
    if (!s.probe().probed()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (ProtocolSupport p : s.probe().result().protocols()) {
      if (p.support() == ProtocolSupport.Support.ACCEPTED) {
        out.add(p.protocol());
      }
    }
    String negotiated = s.probe().result().protocol();
    if (negotiated != null && !out.contains(negotiated)) {
      out.add(negotiated);
    }
    return out;
  }

  private static String worstVersion(List<Observed> servers) {
    String worst = null;
    for (Observed s : servers) {
      for (String v : accepted(s)) {
        worst = TlsVersions.older(worst, v);
      }
    }
    return worst;
  }

  private static String summary(String coverage, List<Observed> servers, String worst) {
    if (coverage.equals("not tested")) {
      Observed first = servers.get(0);
      return "STARTTLS not tested: " + first.notTestedReason() + " (" + first.label() + ")"
          + (servers.size() > 1 ? " and " + (servers.size() - 1) + " more" : "");
    }
    long yes = servers.stream().filter(s -> s.answer() == Answer.YES).count();
    long tested = servers.stream().filter(s -> s.answer() != Answer.NOT_TESTED).count();
    String s = "STARTTLS " + coverage + " (" + yes + "/" + servers.size() + " addresses"
        + (tested < servers.size() ? ", " + (servers.size() - tested) + " not tested" : "") + ")";
    return worst == null ? s : s + "; worst " + worst;
  }

  private static List<String> evidence(List<Observed> servers) {
    List<String> out = new ArrayList<>();
    for (Observed s : servers) {
      out.add(s.label() + ":" + s.probe().port() + " "
          + (s.probe().probed() ? s.probe().result().outcome() + " " + s.probe().result().detail()
              + (s.probe().result().banner() == null ? "" : " banner=" + s.probe().result().banner())
              : "not contacted: " + s.probe().skipDetail()));
      if (s.certificate() != null && s.certificate().subject() != null) {
        var c = s.certificate();
        out.add(";; certificate of " + s.label() + ": subject " + c.subject() + "; issuer " + c.issuer()
            + "; valid " + c.notBefore() + " to " + c.notAfter() + "; " + c.keyType() + " " + c.keyBits() + " bits, "
            + c.signatureAlgorithm() + "; names " + String.join(", ", c.names()) + "; "
            + (c.valid() ? "valid for " + s.probe().host() : c.problem()));
      }
    }
    return out;
  }

  private static List<Finding> dedupe(List<Finding> findings) {
    Set<Finding> seen = new LinkedHashSet<>(findings);
    return List.copyOf(seen);
  }

  private static CheckResult attributes(CheckResult r, String coverage, String worst, String certificate) {
    List<Attribute> a = new ArrayList<>();
    a.add(new Attribute(STARTTLS, coverage));
    a.add(new Attribute(WORST_TLS, worst == null ? "" : worst));
    a.add(new Attribute(CERTIFICATE, certificate == null ? "" : certificate));
    return r.withAttributes(a);
  }
}
