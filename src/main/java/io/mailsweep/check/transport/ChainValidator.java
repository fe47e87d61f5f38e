package io.mailsweep.check.transport;

import io.mailsweep.net.tls.TrustMaterial;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * PKIX validation (RFC 5280 §6) of a chain as a server presented it, over the run's anchors,
 * offline: revocation is not checked and missing intermediates are not fetched (AIA), as an MTA
 * does not fetch them either. The path is built from the presented certificates by issuer name,
 * so an out-of-order chain still validates; it stops at the first certificate that is itself an
 * anchor, and a presented self-signed root is dropped (RFC 8446 §4.4.2 lets servers omit it).
 * The JDK's certificate path algorithm constraints apply (MD5 signatures fail, for example).
 */
final class ChainValidator {
  /** Why validation failed, as far as dates are concerned. */
  enum Dates { OK, EXPIRED, NOT_YET_VALID }

  /** Valid, or the reason in one line; {@code dates} tells whether a validity period failed it. */
  record Outcome(boolean valid, String problem, Dates dates) {
    static final Outcome VALID = new Outcome(true, null, Dates.OK);

    static Outcome invalid(String problem) {
      return new Outcome(false, problem, Dates.OK);
    }
  }

  private final TrustMaterial trust;
  private final Set<X500Principal> anchorSubjects = new HashSet<>();

  ChainValidator(TrustMaterial trust) {
    this.trust = trust;
    for (TrustAnchor a : trust.anchors()) {
      anchorSubjects.add(a.getTrustedCert().getSubjectX500Principal());
    }
  }

  /** Validates {@code chain} (leaf first, not empty) at {@code now}. */
  Outcome validate(List<X509Certificate> chain, Instant now) {
    X509Certificate leaf = chain.get(0);
    if (trust.isAnchor(leaf)) {
      return Outcome.VALID;
    }
    if (anchorSubjects.isEmpty()) {
      return Outcome.invalid("no trust anchors configured");
    }
    List<X509Certificate> path = path(chain);
    X509Certificate top = path.get(path.size() - 1);
    if (!anchorSubjects.contains(top.getIssuerX500Principal())) {
      return Outcome.invalid(unanchored(path, top));
    }
    return pkix(path, now);
  }

  /** From the leaf up by issuer name, ending below the first anchor or at a self-issued root. */
  private List<X509Certificate> path(List<X509Certificate> chain) {
    List<X509Certificate> path = new ArrayList<>(List.of(chain.get(0)));
    List<X509Certificate> rest = new ArrayList<>(chain.subList(1, chain.size()));
    X509Certificate current = chain.get(0);
    while (!selfIssued(current)) {
      X509Certificate issuer = findIssuer(current, rest);
      if (issuer == null || trust.isAnchor(issuer)) {
        break;
      }
      rest.remove(issuer);
      path.add(issuer);
      current = issuer;
    }
    return path;
  }

  private static X509Certificate findIssuer(X509Certificate child, List<X509Certificate> candidates) {
    for (X509Certificate c : candidates) {
      if (c.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
        return c;
      }
    }
    return null;
  }

  private static String unanchored(List<X509Certificate> path, X509Certificate top) {
    if (path.size() == 1 && selfIssued(top)) {
      return "self-signed certificate " + CertificateFacts.subject(top) + " is not a trust anchor";
    }
    if (selfIssued(top)) {
      return "root " + CertificateFacts.subject(top) + " is not a trust anchor";
    }
    return "incomplete chain: issuer " + CertificateFacts.issuer(top) + " of " + CertificateFacts.subject(top)
        + " was not presented and is not a trust anchor";
  }

  private Outcome pkix(List<X509Certificate> path, Instant now) {
    List<X509Certificate> withoutRoot = path;
    X509Certificate top = path.get(path.size() - 1);
    if (path.size() > 1 && selfIssued(top)) {
      withoutRoot = path.subList(0, path.size() - 1);
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(withoutRoot);
      PKIXParameters params = new PKIXParameters(trust.anchors());
      params.setRevocationEnabled(false);
      params.setDate(Date.from(now));
      CertPathValidator.getInstance("PKIX").validate(certPath, params);
      return Outcome.VALID;
    } catch (CertPathValidatorException e) {
      return failed(e, withoutRoot);
    } catch (GeneralSecurityException e) {
      return Outcome.invalid("cannot validate: " + oneLine(e.getMessage()));
    }
  }

  private static Outcome failed(CertPathValidatorException e, List<X509Certificate> path) {
    int index = e.getIndex();
    String where = index >= 0 && index < path.size() ? " (" + CertificateFacts.subject(path.get(index)) + ")" : "";
    if (e.getReason() == BasicReason.EXPIRED) {
      return new Outcome(false, "certificate expired" + where, Dates.EXPIRED);
    }
    if (e.getReason() == BasicReason.NOT_YET_VALID) {
      return new Outcome(false, "certificate not yet valid" + where, Dates.NOT_YET_VALID);
    }
    return Outcome.invalid(oneLine(e.getMessage()) + where);
  }

  private static boolean selfIssued(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
  }

  private static String oneLine(String text) {
    return text == null ? "unknown error" : text.replaceAll("\\s+", " ").trim();
  }
}
