package io.mailsweep.cli;

import io.mailsweep.job.ScanLauncher;
import io.mailsweep.job.ScanRequest;
import io.mailsweep.job.Workers;
import io.mailsweep.job.remote.Broker;
import io.mailsweep.store.ScanRun;
import java.util.concurrent.Callable;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsweep restart RUN_ID}: resume an interrupted run. */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description = {
      "Resume a run that was interrupted (killed, crashed, failed) from its last committed chunk.",
      "The run keeps its id, options and results so far; no domain is scanned twice into it."
          + " Make sure the process that ran it has stopped."
    })
final class RestartCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id printed when the run started.")
  long runId;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database of the run (default: "
      + AppContext.DEFAULT_DB + ").")
  String db;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "500",
      description = "Domains per chunk for the rest of the run (default: ${DEFAULT-VALUE}).")
  int chunk;

  /** Pool sizing for a restart, whose thread count is only known once the run is read. */
  private static final int RESTART_THREADS = 32;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (ConfigurableApplicationContext context = AppContext.start(db, chunk, RESTART_THREADS)) {
      ScanLauncher launcher = context.getBean(ScanLauncher.class);
      ScanRun run = launcher.run(runId);
      ScanRequest request = launcher.request(runId);
      String sha = InputFiles.sha256(request.input());
      if (!sha.equals(run.inputSha256())) {
        throw new UserError("the input file " + request.input() + " changed since run " + runId
            + " started (SHA-256 differs); start a new scan instead");
      }
      if (launcher.workers(runId) == Workers.AMQP) {
        Broker.check(context.getBean(ConnectionFactory.class));
      }
      return Summary.print(launcher.restart(runId), spec.commandLine().getOut());
    }
  }
}
