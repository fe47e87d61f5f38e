package io.mailsweep.input;

import io.mailsweep.domain.DomainName;
import io.mailsweep.input.Normalised.Accepted;
import io.mailsweep.input.Normalised.Rejected;
import java.net.IDN;

/**
 * Turns one messy vendor value into a canonical {@link DomainName} or a rejection reason.
 *
 * <p>In order: trim (Unicode spaces, controls, zero-width characters); strip enclosing quotes and
 * angle brackets; take the host of an e-mail address (after the last '@') or URL; drop one
 * trailing dot; lower-case; convert IDNs to A-labels with {@link IDN#toASCII(String, int)} and
 * {@link IDN#USE_STD3_ASCII_RULES}; reject IP literals, wildcards and everything {@link
 * HostnameRules} forbids.
 *
 * <p>{@link IDN} implements IDNA2003, so a few names differ from IDNA2008 (RFC 5891): {@code
 * faß.de} becomes {@code fass.de}, and code points unassigned in Unicode 3.2 (emoji) are rejected.
 *
 * <p>Stateless and thread-safe. Syntax only: no DNS lookup is ever made.
 */
public final class DomainNormaliser {
  public static final String EMPTY = "empty value";
  public static final String NO_HOST = "no domain in value";
  public static final String INVALID_CHARACTERS = "invalid characters (not valid UTF-8)";
  public static final String IP_ADDRESS = "IP address, not a domain";
  public static final String WILDCARD = "wildcard, not a domain";
  public static final String INVALID_IDN = "invalid internationalised name";

  private static final char REPLACEMENT = '\uFFFD';

  public Normalised normalise(String raw) {
    if (raw == null || HostExtractor.clean(raw).isEmpty()) {
      return new Rejected(EMPTY);
    }
    String host = HostExtractor.host(raw);
    if (host.isEmpty() || host.equals(".")) {
      return new Rejected(NO_HOST);
    }
    if (host.indexOf(REPLACEMENT) >= 0) {
      return new Rejected(INVALID_CHARACTERS);
    }
    String name = HostExtractor.lowerCase(host.endsWith(".") ? chop(host) : host);
    if (IpLiterals.isIpLiteral(name)) {
      return new Rejected(IP_ADDRESS);
    }
    if (name.equals("*") || name.startsWith("*.")) {
      return new Rejected(WILDCARD);
    }
    String problem = HostnameRules.beforeIdna(name);
    if (problem != null) {
      return new Rejected(problem);
    }
    String ascii = toAscii(name);
    if (ascii == null) {
      return new Rejected(INVALID_IDN);
    }
    problem = HostnameRules.afterIdna(ascii);
    if (problem == null) {
      problem = DomainName.problem(ascii);
    }
    return problem == null ? new Accepted(DomainName.of(ascii)) : new Rejected(problem);
  }

  /** The A-label form, or null when IDNA refuses the name (its message quotes the input). */
  private static String toAscii(String name) {
    if (name.chars().allMatch(c -> c < 0x80)) {
      return name;
    }
    try {
      return HostExtractor.lowerCase(IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String chop(String s) {
    return s.substring(0, s.length() - 1);
  }
}
