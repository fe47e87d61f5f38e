package io.mailsweep.cli;

import io.mailsweep.job.remote.Broker;
import io.mailsweep.job.remote.PartitionWorker;
import io.mailsweep.job.remote.WorkerConfiguration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mailsweep worker}: executes scan partitions of runs started with {@code --workers amqp}. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Execute the scan partitions of runs started elsewhere with 'mailsweep scan ... --workers amqp'.",
      "Takes partition requests from RabbitMQ (spring.rabbitmq.* / SPRING_RABBITMQ_* settings, default"
          + " 127.0.0.1:5672) and scans them into the shared PostgreSQL database (--db). Runs until SIGTERM"
          + " or Ctrl-C, or until --idle-exit; a partition it was executing then goes back to the queue and"
          + " resumes on another worker after its last committed chunk. Each partition runs with its run's"
          + " options (--domains-in-flight, --dns-in-flight, --dns-qps, --smtp-concurrency ...), which are"
          + " limits per worker process."
    },
    footer = {"", "Exit codes: 0 stopped after --idle-exit; 1 the broker or database cannot be reached or"
        + " failed; 2 bad usage."})
final class WorkerCommand implements Callable<Integer> {
  private static final Duration CHECK_EVERY = Duration.ofMillis(500);

  @Option(names = "--db", paramLabel = "JDBC_URL", required = true,
      description = "The PostgreSQL database the manager uses (jdbc:postgresql://HOST:5432/NAME). User and"
          + " password from SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD.")
  String db;

  @Option(names = "--partitions-at-once", paramLabel = "N", defaultValue = "1",
      description = "Partitions this worker executes at the same time (default: ${DEFAULT-VALUE}).")
  int partitionsAtOnce;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "500",
      description = "Finished domains committed together (default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(names = "--idle-exit", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Exit once no partition has been executing for this long, e.g. 2m (default: run until"
          + " stopped).")
  Duration idleExit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!db.startsWith("jdbc:postgresql:")) {
      throw new UserError("--db: workers share the manager's database; name a PostgreSQL database"
          + " (jdbc:postgresql://HOST:5432/NAME), got " + db);
    }
    if (partitionsAtOnce < 1 || partitionsAtOnce > 64) {
      throw new UserError("--partitions-at-once: between 1 and 64, got " + partitionsAtOnce);
    }
    if (chunk < 1) {
      throw new UserError("--chunk: at least 1, got " + chunk);
    }
    try (ConfigurableApplicationContext context = AppContext.start(db, chunk, partitionsAtOnce,
        "--spring.profiles.active=" + WorkerConfiguration.PROFILE,
        "--mailsweep.worker.partitions=" + partitionsAtOnce,
        "--logging.level.org.springframework.amqp.rabbit.listener=WARN")) {
      ConnectionFactory connections = context.getBean(ConnectionFactory.class);
      Broker.check(connections);
      AmqpInboundChannelAdapter inbound = context.getBean(AmqpInboundChannelAdapter.class);
      PartitionWorker worker = context.getBean(PartitionWorker.class);
      inbound.start();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("mailsweep worker: taking partitions from queue %s at %s, %d at once; results to %s%n",
          context.getBean(Queue.class).getName(), Broker.describe(connections), partitionsAtOnce, db);
      out.flush();
      waitUntilIdle(worker);
      inbound.stop();
      out.printf("mailsweep worker: no partition for %s, %d executed; exiting%n",
          idleExit.toString().substring(2).toLowerCase(java.util.Locale.ROOT), worker.partitionsDone());
      return ExitCodes.OK;
    }
  }

  private void waitUntilIdle(PartitionWorker worker) throws InterruptedException {
    while (idleExit == null || worker.idle().compareTo(idleExit) < 0) {
      Thread.sleep(CHECK_EVERY.toMillis());
    }
  }
}
