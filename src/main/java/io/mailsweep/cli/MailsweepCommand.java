package io.mailsweep.cli;

import picocli.CommandLine.Command;

/** The top-level command: only lists the subcommands. */
@Command(
    name = "mailsweep",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Batch e-mail security compliance scanner for vendor domain lists.",
      "Reads domains from CSV, checks SPF, DMARC, DKIM, BIMI, MX, STARTTLS, MTA-STS, TLS-RPT and DANE, stores"
          + " every run in a database and writes an Excel workbook for auditors, with verdicts against compliance"
          + " profiles and the changes since the previous run."
    },
    subcommands = {ScanCommand.class, RunCommand.class, RestartCommand.class, ScheduleCommand.class,
        WorkerCommand.class, HistoryCommand.class, DiffCommand.class, ProfilesCommand.class, ExplainCommand.class,
        picocli.CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 completed, all conclusive; 1 job failed; 2 bad usage or input;"
        + " 3 completed with inconclusive domains."})
final class MailsweepCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
