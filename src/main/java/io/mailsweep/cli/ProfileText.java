package io.mailsweep.cli;

import io.mailsweep.policy.Condition;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.Rule;
import java.io.PrintWriter;
import java.util.List;

/** How the {@code profiles} and {@code explain} commands print profiles and rules. */
final class ProfileText {
  private ProfileText() {}

  static void list(PrintWriter out, List<Profile> profiles) {
    out.printf("%-20s %5s  %s%n", "NAME", "RULES", "TITLE");
    for (Profile p : profiles) {
      out.printf("%-20s %5d  %s%n", p.name(), p.rules().size(), p.title());
    }
    out.println();
    out.println("Show a profile's rules: mailsweep profiles NAME (or a profile file's path)."
        + " Explain one rule: mailsweep explain NAME/RULE.");
  }

  static void profile(PrintWriter out, Profile p) {
    out.println(p.name() + ": " + p.title());
    Wrap.field(out, "", "reference", p.reference());
    Wrap.field(out, "", "source", p.source());
    if (!p.description().isBlank()) {
      out.println();
      out.print(Wrap.lines(p.description(), "", ""));
    }
    out.println();
    out.println(p.rules().size() + (p.rules().size() == 1 ? " rule" : " rules") + ":");
    for (Rule r : p.rules()) {
      out.println();
      out.println("  " + r.id() + ": " + r.title());
      logic(out, "    ", r);
      Wrap.field(out, "    ", "reference", r.reference());
    }
  }

  static void rule(PrintWriter out, Profile p, Rule r) {
    out.println(p.name() + "/" + r.id() + ": " + r.title());
    Wrap.field(out, "", "profile", p.name() + ": " + p.title());
    Wrap.field(out, "", "rationale", r.rationale());
    Wrap.field(out, "", "remediation", r.remediation());
    Wrap.field(out, "", "reference", r.reference());
    logic(out, "", r);
  }

  private static void logic(PrintWriter out, String indent, Rule r) {
    Wrap.field(out, indent, "applies if", text(r.appliesIf()));
    Wrap.field(out, indent, "inconclusive if", text(r.inconclusiveIf()));
    Wrap.field(out, indent, "pass if", text(r.passIf()));
    Wrap.field(out, indent, "warn if", text(r.warnIf()));
    Wrap.field(out, indent, "otherwise", r.otherwise().name() + "; weight " + r.weight());
  }

  private static String text(Condition c) {
    return c == null ? null : c.describe();
  }
}
