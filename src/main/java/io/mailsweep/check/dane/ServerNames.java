package io.mailsweep.check.dane;

import io.mailsweep.domain.DomainName;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The DNS names a server certificate claims and whether one matches a reference identifier, as
 * RFC 7672 §3.2.3 has SMTP clients check for DANE-TA(2): subjectAltName dNSNames, or the common
 * name when there are none; a wildcard matches exactly one whole left-most label.
 */
final class ServerNames {
  /** subjectAltName entry type for dNSName (RFC 5280 §4.2.1.6). */
  private static final int DNS_NAME = 2;

  private ServerNames() {}

  static boolean matchesAny(X509Certificate cert, List<DomainName> references) {
    for (String presented : of(cert)) {
      for (DomainName reference : references) {
        if (matches(presented.toLowerCase(Locale.ROOT), reference.text())) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> of(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alt = cert.getSubjectAlternativeNames();
      if (alt != null) {
        for (List<?> entry : alt) {
          if (entry.size() >= 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0)) && entry.get(1) instanceof String s) {
            names.add(s);
          }
        }
      }
    } catch (CertificateParsingException e) {
      return names;
    }
    return names.isEmpty() ? commonNames(cert) : names;
  }

  private static boolean matches(String presented, String reference) {
    String p = presented.endsWith(".") ? presented.substring(0, presented.length() - 1) : presented;
    if (p.startsWith("*.")) {
      int dot = reference.indexOf('.');
      return dot > 0 && reference.substring(dot + 1).equals(p.substring(2));
    }
    return p.equals(reference);
  }

  private static List<String> commonNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return names;
    }
    return names;
  }
}
