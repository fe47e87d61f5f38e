package io.mailsweep.cli;

import io.mailsweep.policy.ProfileCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsweep profiles [NAME|FILE]}: the shipped compliance profiles, or one profile's rules. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = {
      "List the shipped compliance profiles, or show the rules of one (a shipped name or a profile file).",
      "A profile file is checked as it is shown: a mistake in it is reported with the rule and exit code 2."
    })
final class ProfilesCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE", description = "A shipped profile or a file.")
  String profile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (profile == null) {
      ProfileText.list(out, ProfileCatalog.shipped());
    } else {
      ProfileText.profile(out, ProfileCatalog.load(profile));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
