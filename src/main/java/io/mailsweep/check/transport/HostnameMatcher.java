package io.mailsweep.check.transport;

import io.mailsweep.domain.DomainName;
import java.net.IDN;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a certificate names a host: RFC 6125 §6.4 as profiled for mail by RFC 7817 §3 and
 * required by MTA-STS (RFC 8461 §4.2). The reference identifier is the host name the client
 * connected to (the MX host), compared in A-label form without regard to case or a trailing dot.
 *
 * <ul>
 *   <li>Presented identifiers are the subjectAltName dNSName entries (DNS-IDs).
 *   <li>The subject's most specific common name (CN-ID) is used only when the certificate has no
 *       dNSName at all (RFC 6125 §6.4.4); {@link NameMatch#commonNameUsed()} tells, since MTA-STS
 *       requires a dNSName.
 *   <li>A wildcard matches only as the complete left-most label and only one label
 *       ({@code *.example.com} matches {@code a.example.com}, not {@code example.com} nor
 *       {@code a.b.example.com}); partial ({@code f*.example.com}) and non-left-most wildcards, and
 *       wildcards directly above a single label ({@code *.com}), match nothing (RFC 6125 §6.4.3,
 *       RFC 7817 §3).
 * </ul>
 */
public final class HostnameMatcher {
  private static final int DNS_NAME = 2;

  private HostnameMatcher() {}

  /**
   * The outcome for one certificate.
   *
   * @param matched whether some presented identifier matches the host
   * @param names the presented identifiers as the certificate carries them: its dNSNames, or its
   *     common name when it has none; empty when it has neither
   * @param commonNameUsed true when {@code names} is the common name fallback
   */
  public record NameMatch(boolean matched, List<String> names, boolean commonNameUsed) {
    public NameMatch {
      names = List.copyOf(names);
    }
  }

  public static NameMatch match(DomainName host, X509Certificate certificate) {
    List<String> dnsNames = dnsNames(certificate);
    boolean fallback = dnsNames.isEmpty();
    List<String> names = dnsNames;
    if (fallback) {
      String cn = commonName(certificate);
      names = cn == null ? List.of() : List.of(cn);
    }
    boolean matched = false;
    for (String presented : names) {
      matched |= matches(host.text(), presented);
    }
    return new NameMatch(matched, names, fallback && !names.isEmpty());
  }

  /** Whether the presented identifier {@code presented} matches the reference {@code reference}. */
  static boolean matches(String reference, String presented) {
    String ref = normalise(reference);
    String p = normalise(presented);
    if (ref == null || p == null || ref.indexOf('*') >= 0) {
      return false;
    }
    if (p.indexOf('*') < 0) {
      return p.equals(ref);
    }
    if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
      return false;
    }
    String base = p.substring(2);
    int dot = ref.indexOf('.');
    return base.indexOf('.') > 0 && dot > 0 && ref.substring(dot + 1).equals(base);
  }

  /** Lower-case A-label form without trailing dot; null for an empty or non-convertible name. */
  private static String normalise(String name) {
    String s = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (s.isEmpty()) {
      return null;
    }
    try {
      return IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The subjectAltName dNSName entries in certificate order; empty when none or unparseable. */
  static List<String> dnsNames(X509Certificate certificate) {
    Collection<List<?>> alt;
    try {
      alt = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (alt != null) {
      for (List<?> entry : alt) {
        if (entry.size() >= 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0)) && entry.get(1) instanceof String s) {
          names.add(s);
        }
      }
    }
    return names;
  }

  /** The most specific (last in ASN.1 order) CN of the subject, or null (RFC 6125 §6.4.4). */
  static String commonName(X509Certificate certificate) {
    LdapName dn;
    try {
      dn = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
    } catch (InvalidNameException e) {
      return null;
    }
    String cn = null;
    for (Rdn rdn : dn.getRdns()) {
      if ("CN".equalsIgnoreCase(rdn.getType()) && rdn.getValue() instanceof String value) {
        cn = value;
      }
    }
    return cn;
  }
}
