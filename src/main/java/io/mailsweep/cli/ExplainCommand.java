package io.mailsweep.cli;

import io.mailsweep.check.FindingCatalog;
import io.mailsweep.check.FindingDefinition;
import io.mailsweep.policy.Profile;
import io.mailsweep.policy.ProfileCatalog;
import io.mailsweep.policy.Rule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsweep explain CODE|PROFILE/RULE}: what a finding or a profile rule means and what to do. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a finding code (e.g. DMARC_MISSING): its severity, remediation and reference;",
      "or a profile rule (e.g. bod-18-01/dmarc-reject, or path/to/profile.yml/RULE): its rationale,"
          + " remediation, reference and logic."
    })
final class ExplainCommand implements Callable<Integer> {
  private static final int MAX_TYPED = 300;

  @Parameters(index = "0", paramLabel = "CODE|PROFILE/RULE", description = "A finding code or a profile rule.")
  String what;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String typed = what.trim();
    if (typed.isEmpty() || typed.length() > MAX_TYPED) {
      throw new UserError("explain needs a finding code or PROFILE/RULE of at most " + MAX_TYPED + " characters");
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<FindingDefinition> finding = FindingCatalog.find(typed);
    if (finding.isPresent()) {
      finding(out, finding.get());
    } else {
      rule(out, typed);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void finding(PrintWriter out, FindingDefinition d) {
    out.println(d.code() + " (finding)");
    Wrap.field(out, "", "severity", d.severity().name());
    Wrap.field(out, "", "remediation", d.remediation());
    Wrap.field(out, "", "reference", d.reference());
  }

  private static void rule(PrintWriter out, String typed) {
    int slash = typed.lastIndexOf('/');
    if (slash <= 0) {
      if (ProfileCatalog.SHIPPED.contains(typed)) {
        throw new UserError("'" + typed + "' is a profile: name one of its rules (" + typed + "/RULE), or run"
            + " 'mailsweep profiles " + typed + "'");
      }
      throw unknown(typed);
    }
    String name = typed.substring(0, slash);
    String id = typed.substring(slash + 1);
    Profile profile = ProfileCatalog.shipped(name).orElse(null);
    if (profile == null && Files.isRegularFile(Path.of(name))) {
      profile = ProfileCatalog.load(Path.of(name));
    }
    if (profile == null) {
      throw unknown(typed);
    }
    Optional<Rule> rule = profile.rule(id);
    if (rule.isEmpty()) {
      List<String> ids = profile.rules().stream().map(Rule::id).toList();
      throw new UserError("profile " + profile.name() + " has no rule '" + id + "'"
          + Suggestions.didYouMean(id, ids) + " (its rules: " + String.join(", ", ids) + ")");
    }
    ProfileText.rule(out, profile, rule.get());
  }

  private static UserError unknown(String typed) {
    List<String> candidates = new ArrayList<>();
    FindingCatalog.all().forEach(d -> candidates.add(d.code()));
    for (Profile p : ProfileCatalog.shipped()) {
      p.rules().forEach(r -> candidates.add(p.name() + "/" + r.id()));
    }
    String hint = Suggestions.didYouMean(typed, candidates);
    return new UserError("unknown finding code or profile rule '" + typed + "'"
        + (hint.isEmpty() ? "; the README's findings table and 'mailsweep profiles' list them" : hint));
  }
}
