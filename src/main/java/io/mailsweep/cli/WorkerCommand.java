package io.mailsweep.cli;

import io.mailsweep.job.remote.Broker;
import io.mailsweep.job.remote.PartitionWorker;
import io.mailsweep.job.remote.WorkerConfiguration;
import io.mailsweep.schedule.ScheduleLog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
          + " 127.0.0.1:5672) and scans them into the shared PostgreSQL database (--db). Runs until --idle-exit,"
          + " or until SIGTERM or Ctrl-C: then it takes no more partitions and finishes those in hand (at most"
          + " --stop-timeout; one cut off goes back to the queue and resumes on another worker after its last"
          + " committed chunk). Each partition runs with its run's"
          + " options (--domains-in-flight, --dns-in-flight, --dns-qps, --smtp-concurrency ...), which are"
          + " limits per worker process."
    },
    footer = {"", "Exit codes: 0 stopped after --idle-exit; 1 the broker or database cannot be reached or failed;"
        + " 2 bad usage; after SIGTERM or Ctrl-C, the signal's (143, 130)."})
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

  @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "On SIGTERM or Ctrl-C, wait this long for the partitions in hand to finish (default:"
          + " ${DEFAULT-VALUE}).")
  Duration stopTimeout;

  @Spec CommandSpec spec;

  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

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
    // Spring's own shutdown hook would close the database under the partitions in hand.
    return AppContext.observed(context -> { }, this::serve);
  }

  private int serve() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = AppContext.start(db, chunk, partitionsAtOnce,
        "--spring.profiles.active=" + WorkerConfiguration.PROFILE,
        "--mailsweep.worker.partitions=" + partitionsAtOnce,
        "--mailsweep.worker.stop-timeout=" + stopTimeout.toMillis() + "ms",
        "--logging.level.org.springframework.amqp.rabbit.listener=WARN")) {
      ConnectionFactory connections = context.getBean(ConnectionFactory.class);
      Broker.check(connections);
      AmqpInboundChannelAdapter inbound = context.getBean(AmqpInboundChannelAdapter.class);
      PartitionWorker worker = context.getBean(PartitionWorker.class);
      Thread hook = new Thread(() -> onSignal(inbound, worker, out), "mailsweep-worker-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      inbound.start();
      out.printf("mailsweep worker: taking partitions from queue %s at %s, %d at once; results to %s%n",
          context.getBean(Queue.class).getName(), Broker.describe(connections), partitionsAtOnce, db);
      out.flush();
      boolean signalled = waitUntilIdleOrStopped(worker);
      if (!signalled) {
        ScheduleCommand.removeHook(hook);
        inbound.stop();
        out.printf("mailsweep worker: no partition for %s, %d executed; exiting%n", ScheduleLog.human(idleExit),
            worker.partitionsDone());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILED;
    } finally {
      closed.countDown();
    }
  }

  /** True when a signal stopped the worker, false when it was idle for {@code --idle-exit}. */
  private boolean waitUntilIdleOrStopped(PartitionWorker worker) throws InterruptedException {
    while (idleExit == null || worker.idle().compareTo(idleExit) < 0) {
      if (stopping.await(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * SIGTERM and Ctrl-C: take no more requests, let the partitions in hand finish (the listener
   * container waits up to {@code --stop-timeout}, then closes its channels, which hands what is
   * left back to the queue), and hold the JVM's exit until the database is closed.
   */
  private void onSignal(AmqpInboundChannelAdapter inbound, PartitionWorker worker, PrintWriter out) {
    out.printf("mailsweep worker: stopping; finishing the partitions in hand (at most %s)%n", ScheduleLog.human(stopTimeout));
    out.flush();
    inbound.stop();
    out.printf("mailsweep worker: stopped, %d partitions executed%n", worker.partitionsDone());
    out.flush();
    stopping.countDown();
    try {
      closed.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
