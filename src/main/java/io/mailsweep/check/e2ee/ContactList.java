package io.mailsweep.check.e2ee;

import io.mailsweep.domain.DomainName;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the contact column: addresses separated by commas, semicolons or whitespace, each checked
 * strictly as an RFC 5321 §4.1.2 Mailbox with a Dot-string local part (RFC 6531 §3.3 allows
 * UTF-8 in it) and a domain of letter-digit-hyphen labels. Pure: nothing is looked up here.
 *
 * <p>Nothing is dropped silently: each token that is not such an address comes back with the
 * reason, and addresses past the cap come back as not looked up. A repeated address is looked up
 * once.
 */
public final class ContactList {
  /** RFC 5321 §4.5.3.1.1: the longest local part, in octets. */
  static final int MAX_LOCAL_OCTETS = 64;

  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
  /** RFC 5322 §3.2.3 atext, and RFC 6531 §3.3's UTF8-non-ascii. */
  private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x{80}-\\x{10FFFF}]+");
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  /** A token that is not an address this check can look up, and why. */
  public record Malformed(String token, String reason) {}

  /**
   * The column read.
   *
   * @param lookedUp the addresses to look up, in input order, at most the cap
   * @param skipped well-formed addresses past the cap: listed, not looked up
   */
  public record Parsed(List<ContactAddress> lookedUp, List<ContactAddress> skipped, List<Malformed> malformed) {
    public Parsed {
      lookedUp = List.copyOf(lookedUp);
      skipped = List.copyOf(skipped);
      malformed = List.copyOf(malformed);
    }

    public static final Parsed EMPTY = new Parsed(List.of(), List.of(), List.of());
  }

  private ContactList() {}

  public static Parsed parse(String column, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap " + cap);
    }
    Set<ContactAddress> addresses = new LinkedHashSet<>();
    List<Malformed> malformed = new ArrayList<>();
    for (String token : SEPARATORS.split(column.strip())) {
      if (token.isEmpty()) {
        continue;
      }
      String problem = problem(token);
      if (problem != null) {
        malformed.add(new Malformed(token, problem));
      } else {
        addresses.add(address(token));
      }
    }
    List<ContactAddress> all = new ArrayList<>(addresses);
    int n = Math.min(cap, all.size());
    return new Parsed(all.subList(0, n), all.subList(n, all.size()), malformed);
  }

  /** Why {@code token} is not a Mailbox this check looks up, or null when it is one. */
  static String problem(String token) {
    int at = token.lastIndexOf('@');
    if (at < 0) {
      return "no '@'";
    }
    if (token.startsWith("\"")) {
      return "quoted local parts are not looked up by this check";
    }
    String local = token.substring(0, at);
    String localProblem = localProblem(local);
    return localProblem != null ? localProblem : domainProblem(token.substring(at + 1));
  }

  private static String localProblem(String local) {
    if (local.isEmpty()) {
      return "empty local part";
    }
    if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_OCTETS) {
      return "local part longer than " + MAX_LOCAL_OCTETS + " octets";
    }
    for (String atom : local.split("\\.", -1)) {
      if (atom.isEmpty()) {
        return "empty atom in local part (leading, trailing or double dot)";
      }
      if (!ATOM.matcher(atom).matches()) {
        return "local part has a character outside RFC 5322 atext ('" + atom + "')";
      }
    }
    return null;
  }

  private static String domainProblem(String domain) {
    if (domain.startsWith("[")) {
      return "address literal: no domain to look keys up in";
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "domain '" + domain + "' is not a host name";
    }
    String problem = DomainName.problem(ascii);
    if (problem != null) {
      return "domain '" + domain + "': " + problem;
    }
    String[] labels = ascii.split("\\.");
    for (String label : labels) {
      if (!LDH_LABEL.matcher(label).matches()) {
        return "domain '" + domain + "' is not a host name";
      }
    }
    if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      return "domain '" + domain + "' is not a fully qualified host name";
    }
    return null;
  }

  private static ContactAddress address(String token) {
    int at = token.lastIndexOf('@');
    String domain = IDN.toASCII(token.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    return new ContactAddress(token.substring(0, at), DomainName.of(domain));
  }
}
