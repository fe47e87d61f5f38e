package io.mailsweep.cli;

import io.mailsweep.job.RunOutcome;
import io.mailsweep.job.ScanLauncher;
import io.mailsweep.job.ScanRequest;
import io.mailsweep.job.Workers;
import io.mailsweep.job.remote.Broker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsweep scan FILE.csv [options]}. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scan the domains of a CSV file and write the workbook.",
      "Steps: check the resolver, import and normalise the CSV, scan every domain (partitioned,"
          + " in parallel), write mailsweep-report-<date>.xlsx. Results and history are kept in the"
          + " database; an interrupted run resumes with 'mailsweep restart RUN_ID'."
    },
    footer = {"", "Exit codes: 0 all conclusive; 1 job failed; 2 bad usage or input;"
        + " 3 completed with inconclusive domains."})
final class ScanCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.csv", description = "Vendor list: CSV with , ; or tab delimiters.")
  Path input;

  @Mixin ScanOptions options = new ScanOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return execute(input, options, spec);
  }

  static int execute(Path input, ScanOptions options, CommandSpec spec) throws Exception {
    Retention.check(options.keepRuns);
    ScanRequest request = options.toRequest(input);
    Workers workers = options.workers();
    InputFiles.check(input, options.column, options.namedContactColumn());
    String sha = InputFiles.sha256(input);
    try (ConfigurableApplicationContext context = AppContext.start(options.db, options.chunk, options.threads)) {
      if (workers == Workers.AMQP) {
        Broker.check(context.getBean(ConnectionFactory.class));
      }
      ScanLauncher launcher = context.getBean(ScanLauncher.class);
      RunOutcome outcome = launcher.scan(request, sha, Version.current(), workers);
      int code = Summary.print(outcome, spec.commandLine().getOut());
      Retention.apply(context.getBean(DataSource.class), options.keepRuns, request.jobName(), outcome,
          spec.commandLine().getOut(), spec.commandLine().getErr());
      return code;
    }
  }
}
