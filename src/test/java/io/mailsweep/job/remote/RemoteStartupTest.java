package io.mailsweep.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up of the remote roles: bad usage stops before anything starts, and a broker or database
 * that does not answer ends the command within seconds with one line naming what was tried.
 */
class RemoteStartupTest {
  @TempDir Path work;

  @Test
  void remoteWorkersNeedADatabaseOtherProcessesCanOpen() throws IOException {
    Path csv = Files.writeString(work.resolve("vendors.csv"), "domain\nexample.test\n");

    Outcome none = run("scan", csv.toString(), "--workers", "amqp");
    Outcome h2 = run("scan", csv.toString(), "--workers", "amqp", "--db", "jdbc:h2:file:" + work.resolve("db"));
    Outcome unknown = run("scan", csv.toString(), "--workers", "threads");
    Outcome worker = run("worker", "--db", "jdbc:h2:file:" + work.resolve("db"));

    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).contains("--workers amqp", "PostgreSQL", "embedded H2");
    assertThat(h2.code).isEqualTo(2);
    assertThat(h2.err).contains("--db jdbc:postgresql://", "got jdbc:h2:file:");
    assertThat(unknown.code).isEqualTo(2);
    assertThat(unknown.err).contains("--workers", "'threads' is not one of local, amqp");
    assertThat(worker.code).isEqualTo(2);
    assertThat(worker.err).contains("--db", "PostgreSQL");
    assertThat(Files.exists(work.resolve("db.mv.db"))).as("no database created").isFalse();
  }

  @Test
  void aBrokerThatDoesNotAnswerIsNamedAndTheWorkerEndsAtOnce() throws Exception {
    int refused = refusedPort();
    String saved = System.setProperty("spring.rabbitmq.port", Integer.toString(refused));
    try {
      long started = System.nanoTime();
      Outcome worker = run("worker", "--db", "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      if (worker.err.contains("cannot start with database")) {
        return; // no PostgreSQL here: the database check came first, as it should
      }
      assertThat(worker.code).isEqualTo(1);
      assertThat(worker.err).contains("cannot reach the message broker at amqp://guest@127.0.0.1:" + refused,
          "SPRING_RABBITMQ_HOST");
      assertThat(took).isLessThan(Duration.ofSeconds(60));
    } finally {
      if (saved == null) {
        System.clearProperty("spring.rabbitmq.port");
      } else {
        System.setProperty("spring.rabbitmq.port", saved);
      }
    }
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsNamed() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + refusedPort() + "/mailsweep?connectTimeout=2";

    Outcome worker = run("worker", "--db", url);

    assertThat(worker.code).isEqualTo(1);
    assertThat(worker.err).contains("cannot start with database " + url);
  }

  private static int refusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.setErr(saved);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\tat ");
    return new Outcome(code, text);
  }
}
