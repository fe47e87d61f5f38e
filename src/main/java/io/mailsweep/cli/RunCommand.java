package io.mailsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailsweep run jobs/NAME.yml}: a scan described by a job file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the scan described by a job file (the scheduled form of 'scan').",
      "Keys: input (required), name, column, out, resolvers, checks, threads, partitions, chunk, db,"
          + " dns-timeout, dns-retries, dns-backoff, dns-in-flight, dns-qps, dns-cache, domain-deadline, unanswered-domains,"
          + " canary (a list, or false), progress, dkim-selectors, dkim-min-bits, dkim-good-bits,"
          + " report-name, profile, keep-runs, schedule and timezone (for 'mailsweep schedule'), description."
          + " Relative paths are"
          + " relative to the job file's folder. See jobs/ for examples."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB.yml", description = "The job file.")
  Path jobFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> args = JobFile.arguments(jobFile);
    ScanCommand scan = new ScanCommand();
    CommandLine parser = new CommandLine(scan);
    try {
      parser.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new UserError(jobFile + ": " + e.getMessage());
    }
    return ScanCommand.execute(scan.input, scan.options, spec);
  }
}
