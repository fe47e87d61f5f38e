package io.mailsweep.testing.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protocol half of a {@link LabAccessServer} session: what IMAP, POP3 or submission says to
 * the greeting and to each command. Never accepts a login: LOGIN, AUTHENTICATE, USER, PASS and AUTH
 * are refused (and recorded by the server, so that tests can prove they were never sent).
 */
interface Speaker {
  /** What follows an answer. */
  enum Next {
    CONTINUE,
    /** The answer was the positive response to STARTTLS: the handshake follows. */
    STARTTLS,
    /** The answer closes the session. */
    END
  }

  record Answer(String text, Next next) {
    static Answer say(String text) {
      return new Answer(text, Next.CONTINUE);
    }
  }

  /** The greeting, positive or refusing; {@code capabilities} as of now, for IMAP's response code. */
  String greeting(boolean refuse, List<String> capabilities);

  /** The answer to {@code line}; {@code capabilities} as of now (plaintext or TLS). */
  Answer answer(String line, List<String> capabilities);

  /** The name STARTTLS has in this protocol. */
  String starttls();

  static Speaker of(AccessScenario scenario) {
    return switch (scenario.protocol()) {
      case IMAP -> new Imap(scenario);
      case POP3 -> new Pop3(scenario);
      case SUBMISSION -> new Submission(scenario);
    };
  }

  /** The line's first word, upper-cased. */
  static String verb(String line) {
    return line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
  }

  /** The extra over-long line a scenario asks for, or null. */
  static String longLine(AccessScenario scenario, String prefix) {
    return scenario.longLine() > 0 ? prefix + "x".repeat(scenario.longLine()) : null;
  }

  /** RFC 9051: tagged commands, untagged data, tagged status. */
  record Imap(AccessScenario scenario) implements Speaker {
    @Override
    public String greeting(boolean refuse, List<String> capabilities) {
      if (refuse) {
        return "* BYE LabAccessServer refuses you\r\n";
      }
      String code = scenario.capabilityInGreeting() ? "[CAPABILITY " + String.join(" ", capabilities) + "] " : "";
      return "* OK " + code + "LabAccessServer ready\r\n";
    }

    @Override
    public Answer answer(String line, List<String> capabilities) {
      String tag = line.split(" ", 2)[0];
      String command = line.contains(" ") ? verb(line.substring(tag.length() + 1)) : "";
      return switch (command) {
        case "CAPABILITY" -> scenario.capabilityUnsupported()
            ? Answer.say(tag + " BAD unknown command\r\n")
            : Answer.say(longUntagged() + "* CAPABILITY " + String.join(" ", capabilities) + "\r\n" + tag
                + " OK CAPABILITY completed\r\n");
        case "STARTTLS" -> capabilities.contains("STARTTLS") && !scenario.refuseStarttls()
            ? new Answer(tag + " OK Begin TLS negotiation now\r\n", Next.STARTTLS)
            : Answer.say(tag + " NO TLS not available\r\n");
        case "LOGOUT" -> new Answer("* BYE logging out\r\n" + tag + " OK LOGOUT completed\r\n", Next.END);
        case "NOOP" -> Answer.say(tag + " OK NOOP completed\r\n");
        default -> Answer.say(tag + " BAD this lab server only lists capabilities\r\n");
      };
    }

    private String longUntagged() {
      String line = longLine(scenario, "* X-LONG ");
      return line == null ? "" : line + "\r\n";
    }

    @Override
    public String starttls() {
      return "STARTTLS";
    }
  }

  /** RFC 1939 with CAPA (RFC 2449) and STLS (RFC 2595). */
  record Pop3(AccessScenario scenario) implements Speaker {
    @Override
    public String greeting(boolean refuse, List<String> capabilities) {
      return refuse ? "-ERR LabAccessServer refuses you\r\n" : "+OK LabAccessServer ready\r\n";
    }

    @Override
    public Answer answer(String line, List<String> capabilities) {
      return switch (verb(line)) {
        case "CAPA" -> Answer.say(scenario.capabilityUnsupported() ? "-ERR unknown command\r\n" : capa(capabilities));
        case "STLS" -> capabilities.contains("STLS") && !scenario.refuseStarttls()
            ? new Answer("+OK Begin TLS negotiation\r\n", Next.STARTTLS)
            : Answer.say("-ERR TLS not available\r\n");
        case "QUIT" -> new Answer("+OK bye\r\n", Next.END);
        case "NOOP" -> Answer.say("+OK\r\n");
        default -> Answer.say("-ERR this lab server only lists capabilities\r\n");
      };
    }

    private String capa(List<String> capabilities) {
      StringBuilder s = new StringBuilder("+OK Capability list follows\r\n");
      capabilities.forEach(c -> s.append(c).append("\r\n"));
      String line = longLine(scenario, "X-LONG ");
      if (line != null) {
        s.append(line).append("\r\n");
      }
      return s.append(".\r\n").toString();
    }

    @Override
    public String starttls() {
      return "STLS";
    }
  }

  /** RFC 6409 submission over RFC 5321 SMTP, with STARTTLS (RFC 3207). */
  record Submission(AccessScenario scenario) implements Speaker {
    @Override
    public String greeting(boolean refuse, List<String> capabilities) {
      return refuse ? "554 5.7.1 lab.test refuses you\r\n" : "220 lab.test ESMTP LabAccessServer\r\n";
    }

    @Override
    public Answer answer(String line, List<String> capabilities) {
      return switch (verb(line)) {
        case "EHLO" -> Answer.say(scenario.capabilityUnsupported() ? "502 5.5.2 EHLO not here\r\n" : ehlo(capabilities));
        case "HELO" -> Answer.say("250 lab.test\r\n");
        case "STARTTLS" -> !capabilities.contains("STARTTLS")
            ? Answer.say("502 5.5.1 STARTTLS not here\r\n")
            : scenario.refuseStarttls()
                ? Answer.say("454 4.7.0 TLS not available\r\n")
                : new Answer("220 2.0.0 Ready to start TLS\r\n", Next.STARTTLS);
        case "QUIT" -> new Answer("221 2.0.0 Bye\r\n", Next.END);
        case "NOOP", "RSET" -> Answer.say("250 2.0.0 OK\r\n");
        default -> Answer.say("502 5.5.1 this lab server only lists capabilities\r\n");
      };
    }

    private String ehlo(List<String> capabilities) {
      List<String> lines = new ArrayList<>(List.of("lab.test greets you"));
      String line = longLine(scenario, "X-LONG ");
      if (line != null) {
        lines.add(line);
      }
      lines.addAll(capabilities);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        s.append(i == lines.size() - 1 ? "250 " : "250-").append(lines.get(i)).append("\r\n");
      }
      return s.toString();
    }

    @Override
    public String starttls() {
      return "STARTTLS";
    }
  }
}
