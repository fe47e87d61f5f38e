package io.mailsweep.net.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a server offered in answer to its protocol's capability query, parsed. Pure: the parsers
 * below take the response's text and touch nothing else.
 *
 * @param known false when the server would not say (POP3 {@code -ERR} to CAPA)
 * @param all every capability, upper-cased, blanks collapsed, in the order given, without repeats
 * @param starttls whether STARTTLS (STLS for POP3) is among them
 * @param loginBeforeTls whether one of them lets a client send credentials in this session as it
 *     stands; null when not {@code known}
 * @param loginMechanisms those ways to log in, e.g. {@code LOGIN}, {@code AUTH=PLAIN}, {@code USER}
 * @param source where they were learnt, for details: "the CAPA response"
 */
record Capabilities(
    boolean known,
    List<String> all,
    boolean starttls,
    Boolean loginBeforeTls,
    List<String> loginMechanisms,
    String source) {

  Capabilities {
    all = List.copyOf(all);
    loginMechanisms = List.copyOf(loginMechanisms);
  }

  /** Nothing learnt; {@code source} says why. */
  static Capabilities unknown(String source) {
    return new Capabilities(false, List.of(), false, null, List.of(), source);
  }

  /**
   * IMAP capability atoms (RFC 9051 §7.2.2). LOGIN is offered unless LOGINDISABLED is listed (RFC
   * 9051 §6.2.3); every {@code AUTH=} atom names a SASL mechanism (RFC 9051 §6.2.2). Credentials may
   * go before TLS when LOGIN is enabled or a mechanism that sends the password itself (PLAIN, RFC
   * 4616; LOGIN) is offered; the other {@code AUTH=} atoms are listed but do not count.
   */
  static Capabilities imap(List<String> atoms, String source) {
    List<String> all = normalised(atoms);
    boolean loginDisabled = all.contains("LOGINDISABLED");
    List<String> mechanisms = new ArrayList<>();
    if (!loginDisabled) {
      mechanisms.add("LOGIN");
    }
    all.stream().filter(a -> a.startsWith("AUTH=")).forEach(mechanisms::add);
    boolean login = !loginDisabled || all.contains("AUTH=PLAIN") || all.contains("AUTH=LOGIN");
    return new Capabilities(true, all, all.contains("STARTTLS"), login, mechanisms, source);
  }

  /**
   * POP3 CAPA lines (RFC 2449 §6): {@code USER} offers USER/PASS (§6.3), {@code SASL} lists
   * mechanisms (§6.4, RFC 5034), {@code STLS} offers TLS (RFC 2595 §4). Any of the first two lets
   * credentials go before TLS.
   */
  static Capabilities pop3(List<String> lines, String source) {
    List<String> all = normalised(lines);
    List<String> mechanisms = new ArrayList<>();
    boolean stls = false;
    for (String line : all) {
      List<String> words = words(line);
      switch (words.get(0)) {
        case "STLS" -> stls = true;
        case "USER" -> mechanisms.add("USER");
        case "SASL" -> words.subList(1, words.size()).forEach(m -> mechanisms.add("SASL " + m));
        default -> { }
      }
    }
    return new Capabilities(true, all, stls, !mechanisms.isEmpty(), mechanisms, source);
  }

  /**
   * The keyword lines of an EHLO reply, without the first line (RFC 5321 §4.1.1.1). {@code AUTH}
   * lists SASL mechanisms (RFC 4954 §3); so does the obsolete {@code AUTH=} form some servers still
   * send for old clients. Any mechanism lets credentials go before TLS.
   */
  static Capabilities submission(List<String> keywordLines, String source) {
    List<String> all = normalised(keywordLines);
    Set<String> mechanisms = new LinkedHashSet<>();
    boolean starttls = false;
    for (String line : all) {
      List<String> words = words(line);
      String first = words.get(0);
      if (first.equals("STARTTLS")) {
        starttls = true;
      } else if (first.equals("AUTH") || first.startsWith("AUTH=")) {
        List<String> named = new ArrayList<>(words.subList(1, words.size()));
        if (first.length() > "AUTH=".length()) {
          named.add(0, first.substring("AUTH=".length()));
        }
        named.forEach(m -> mechanisms.add("AUTH " + m));
      }
    }
    return new Capabilities(true, all, starttls, !mechanisms.isEmpty(), List.copyOf(mechanisms), source);
  }

  private static List<String> normalised(List<String> items) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : items) {
      String s = item.strip().replaceAll(" +", " ").toUpperCase(Locale.ROOT);
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> words(String line) {
    return Arrays.asList(line.split(" "));
  }
}
