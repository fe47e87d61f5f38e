package io.mailsweep.net.access;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMAP4 (RFC 9051, RFC 3501) up to STARTTLS: the greeting (§7.1.1 OK, §7.1.4 PREAUTH, §7.1.5 BYE),
 * CAPABILITY (§6.1.1) unless the greeting carried a CAPABILITY response code (§7.1), STARTTLS
 * (§6.2.1) and LOGOUT (§6.1.3). Tags are {@code a1}, {@code a2}, ... in order. Untagged lines other
 * than CAPABILITY are read and ignored until the tagged status, within the response limits.
 */
final class ImapDialect implements Dialect {
  private static final Pattern CAPABILITY_CODE =
      Pattern.compile("\\[CAPABILITY ([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);

  private final Channel channel;
  private int tags;
  private List<String> greetingAtoms;

  ImapDialect(Channel channel) {
    this.channel = channel;
  }

  @Override
  public Reply greeting() throws IOException {
    channel.awaitGreeting();
    String line = channel.line();
    String status = statusWord(line.startsWith("* ") ? line.substring(2) : "");
    if (!status.equals("OK") && !status.equals("PREAUTH") && !status.equals("BYE")) {
      throw new AccessProtocolException("not an IMAP greeting: " + Dialect.quote(line));
    }
    greetingAtoms = capabilityCode(line);
    return new Reply(!status.equals("BYE"), line);
  }

  @Override
  public Capabilities capabilities() throws IOException {
    if (greetingAtoms != null) {
      return Capabilities.imap(greetingAtoms, "the greeting's CAPABILITY code");
    }
    List<String> atoms = new ArrayList<>();
    String done = command("CAPABILITY", atoms);
    if (!statusWord(done).equals("OK")) {
      throw new AccessProtocolException("CAPABILITY refused: " + Dialect.quote(done));
    }
    return Capabilities.imap(atoms, "the CAPABILITY response");
  }

  @Override
  public Reply startTls() throws IOException {
    String done = command("STARTTLS", new ArrayList<>());
    return new Reply(statusWord(done).equals("OK"), done);
  }

  @Override
  public void close() throws IOException {
    command("LOGOUT", new ArrayList<>());
  }

  /**
   * Sends {@code name} with the next tag and reads to its tagged status line, which it returns
   * without the tag; the atoms of untagged CAPABILITY responses, and of a CAPABILITY code in the
   * status, go to {@code atoms}.
   */
  private String command(String name, List<String> atoms) throws IOException {
    String tag = "a" + ++tags;
    channel.send(step(name), tag + " " + name);
    while (true) {
      String line = channel.line();
      if (line.regionMatches(true, 0, "* CAPABILITY ", 0, 13)) {
        atoms.addAll(atoms(line.substring(13)));
      } else if (line.startsWith(tag + " ")) {
        String status = line.substring(tag.length() + 1);
        if (!List.of("OK", "NO", "BAD").contains(statusWord(status))) {
          throw new AccessProtocolException("tagged status is not OK, NO or BAD: " + Dialect.quote(line));
        }
        List<String> code = capabilityCode(status);
        if (code != null) {
          atoms.addAll(code);
        }
        return status;
      } else if (!line.startsWith("* ")) {
        throw new AccessProtocolException("neither untagged nor tagged " + tag + ": " + Dialect.quote(line));
      }
    }
  }

  private static AccessStep step(String command) {
    return switch (command) {
      case "CAPABILITY" -> AccessStep.CAPABILITIES;
      case "STARTTLS" -> AccessStep.STARTTLS;
      default -> AccessStep.CLOSE;
    };
  }

  /** The first word of a response after its tag, upper-cased: OK, NO, BAD, PREAUTH, BYE, ... */
  private static String statusWord(String response) {
    return response.split(" ", 2)[0].toUpperCase(Locale.ROOT);
  }

  /** The atoms of a {@code [CAPABILITY ...]} response code in {@code line}, or null if it has none. */
  private static List<String> capabilityCode(String line) {
    Matcher m = CAPABILITY_CODE.matcher(line);
    return m.find() ? atoms(m.group(1)) : null;
  }

  private static List<String> atoms(String text) {
    return Arrays.stream(text.strip().split(" +")).filter(a -> !a.isEmpty()).toList();
  }
}
