package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsweep.testing.JarProcess;
import io.mailsweep.testing.dns.LabDnsServer;
import io.mailsweep.testing.smtp.LabSmtpServer;
import io.mailsweep.testing.smtp.Scenario;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Remote partitioning against the machine's real RabbitMQ (127.0.0.1:5672) and PostgreSQL
 * (127.0.0.1:5432): the packaged jar runs one manager and two workers, each in its own JVM, over a
 * synthetic world of a few thousand domains served by the lab DNS server, with STARTTLS servers on
 * the world's MX addresses. Each test gets a database and a queue of its own.
 *
 * <p>Compared with one single-process run over the same world: both workers must have executed
 * partitions, every accepted domain must have exactly one result, the reports must say the same,
 * and each MX address must have been probed as often as by the single process (once), not once per
 * worker. The second test kills a worker mid-partition, then the manager, and resumes the run with
 * {@code restart}.
 */
class RemotePartitioningIT {
  private static final int DOMAINS = 3_000;
  private static final long WORLD_SEED = 20_261_129L;
  private static final List<String> CHECKS = List.of("spf", "dmarc", "dkim", "mx", "starttls", "tlsrpt");
  private static final List<String> MX_ADDRESSES = List.of("127.0.10.1", "127.0.10.2", "127.0.11.1",
      "127.0.12.1", "127.0.12.2");
  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final Pattern PARTITION_DONE = Pattern.compile("PartitionWorker: run \\d+: (scanPartition:\\S+) completed");
  /**
   * Completed with inconclusive domains: the world's implicit MX hosts (127.0.20.x) lie outside
   * {@code --allow-targets}, so their STARTTLS is not tested (and no connection is attempted).
   */
  private static final int EXIT = 3;
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work;

  private final String database = "mailsweep_remote_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final String queue = "mailsweep.test." + UUID.randomUUID();
  private final List<LabSmtpServer> smtp = new ArrayList<>();
  private LabDnsServer dns;
  private Path csv;
  private Path ca;
  private int smtpPort;

  @BeforeEach
  void startLab() throws Exception {
    boolean services = reachable(5432) && reachable(5672);
    if ("true".equals(System.getenv("CI"))) {
      assertThat(services).as("CI provides PostgreSQL and RabbitMQ on 127.0.0.1").isTrue();
    }
    assumeTrue(services, "PostgreSQL and RabbitMQ on 127.0.0.1");
    admin("CREATE DATABASE " + database);
    Path zones = Files.createDirectories(work.resolve("zones"));
    csv = SyntheticWorld.write(WORLD_SEED, DOMAINS, zones, work);
    dns = LabDnsServer.start(zones);
    TestCa authority = TestCa.create("mailsweep remote lab CA");
    ca = Files.writeString(work.resolve("ca.pem"), authority.pem());
    smtpPort = LabSmtpServer.refusedPort();
    Scenario scenario = Scenario.starttls(authority.issue("mx1.mailco.test", "mx2.mailco.test", "mx.bulkmail.test",
        "inbound.secure.test")).build();
    for (String address : MX_ADDRESSES) {
      smtp.add(LabSmtpServer.start(scenario, new InetSocketAddress(InetAddress.getByName(address), smtpPort)));
    }
  }

  @AfterEach
  void stopLab() throws Exception {
    for (LabSmtpServer server : smtp) {
      server.close();
    }
    if (dns != null) {
      dns.close();
    }
    if (reachable(5432)) {
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    if (reachable(5672)) {
      CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1");
      try {
        new RabbitAdmin(broker).deleteQueue(queue);
      } finally {
        broker.destroy();
      }
    }
  }

  @Test
  void twoWorkersScanTheRunOnceAndReportWhatOneProcessReports() throws Exception {
    Map<String, Integer> single = referenceRun();
    Map<String, Integer> before = connections();
    try (JarProcess first = worker("worker-1");
        JarProcess second = worker("worker-2")) {
      awaitReady(first);
      awaitReady(second);
      try (JarProcess manager = manager("manager")) {
        assertThat(manager.await(WAIT)).as(manager.output()).isEqualTo(EXIT);
      }
      assertThat(partitionsDone(first)).as("partitions executed by worker 1: " + first.output()).isNotEmpty();
      assertThat(partitionsDone(second)).as("partitions executed by worker 2: " + second.output()).isNotEmpty();
      List<String> all = new ArrayList<>(partitionsDone(first));
      all.addAll(partitionsDone(second));
      assertThat(all).as("each partition executed once").doesNotHaveDuplicates().hasSize(8);
    }
    assertEachDomainOnce();
    Map<String, Integer> remote = new LinkedHashMap<>();
    connections().forEach((address, n) -> remote.put(address, n - before.get(address)));
    assertThat(remote).as("SMTP connections per MX address, against one process's").isEqualTo(single);
    assertSameReport();
  }

  @Test
  void aWorkerKilledMidPartitionAndAManagerKilledMidRunLoseAndDuplicateNothing() throws Exception {
    referenceRun();
    try (JarProcess doomed = worker("worker-1");
        JarProcess survivor = worker("worker-2")) {
      awaitReady(doomed);
      awaitReady(survivor);
      try (JarProcess manager = manager("manager")) {
        manager.waitForProgress(DOMAINS / 5, WAIT);
        assertThat(doomed.output()).as("worker 1 has a partition in hand").contains("started");
        doomed.kill();
        manager.waitForProgress(DOMAINS / 2, WAIT);
        manager.kill();
      }
      System.out.printf("RemotePartitioningIT: worker 1 killed after %d partitions, manager killed at %d results%n",
          partitionsDone(doomed).size(), count("SELECT COUNT(*) FROM domain_result"));
      try (JarProcess restarted = JarProcess.start(work.resolve("restarted.log"), JVM, env(),
          "restart", "1", "--db", url(), "--chunk", "50")) {
        assertThat(restarted.await(WAIT)).as(restarted.output()).isEqualTo(EXIT);
      }
    }
    assertEachDomainOnce();
    assertSameReport();
  }

  private Map<String, Integer> referenceRun() throws Exception {
    try (JarProcess single = JarProcess.start(work.resolve("single.log"), JVM, Map.of(),
        scan("single", "jdbc:h2:file:" + work.resolve("single-db/mailsweep"), "local"))) {
      assertThat(single.await(WAIT)).as(single.output()).isEqualTo(EXIT);
    }
    Map<String, Integer> seen = connections();
    assertThat(seen.values()).as("every MX address probed").allMatch(n -> n > 0);
    return seen;
  }

  private JarProcess manager(String name) throws IOException {
    return JarProcess.start(work.resolve(name + ".log"), JVM, env(), scan("remote", url(), "amqp"));
  }

  private String[] scan(String out, String db, String workers) {
    return new String[] {"scan", csv.toString(), "--resolver", "127.0.0.1:" + dns.port(),
        "--canary", SyntheticWorld.CANARY, "--db", db, "--out", work.resolve(out).toString(),
        "--format", "xlsx,csv,jsonl", "--checks", String.join(",", CHECKS), "--workers", workers,
        "--threads", "2", "--partitions", "8", "--chunk", "50", "--dns-in-flight", "200",
        "--dns-timeout", "5s", "--domain-deadline", "2m", "--progress", "100ms",
        "--smtp-canary", "none", "--smtp-port", Integer.toString(smtpPort), "--allow-targets", "127.0.8.0/21",
        "--trust-ca", ca.toString(), "--no-tls-versions", "--no-weak-ciphers"};
  }

  private JarProcess worker(String name) throws IOException {
    return JarProcess.start(work.resolve(name + ".log"), JVM, env(), "worker", "--db", url(), "--chunk", "50",
        "--idle-exit", "10m");
  }

  private Map<String, String> env() {
    return Map.of("SPRING_DATASOURCE_USERNAME", "postgres", "MAILSWEEP_REMOTE_QUEUE", queue);
  }

  private static void awaitReady(JarProcess worker) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!worker.output().contains("taking partitions from queue")) {
      assertThat(System.nanoTime()).as("worker ready: " + worker.output()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<String> partitionsDone(JarProcess worker) {
    List<String> done = new ArrayList<>();
    Matcher m = PARTITION_DONE.matcher(worker.output());
    while (m.find()) {
      done.add(m.group(1));
    }
    return done;
  }

  private Map<String, Integer> connections() {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (LabSmtpServer server : smtp) {
      seen.put(server.address().getAddress().getHostAddress(), server.connections());
    }
    return seen;
  }

  private void assertEachDomainOnce() throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM input_row WHERE disposition = 'ACCEPTED'")).isEqualTo(DOMAINS);
    assertThat(count("SELECT COUNT(*) FROM input_row r WHERE r.disposition = 'ACCEPTED' AND 1 <>"
        + " (SELECT COUNT(*) FROM domain_result d WHERE d.input_row_id = r.id)")).as("domains without one result")
        .isZero();
    assertThat(count("SELECT COUNT(DISTINCT domain) FROM domain_result")).isEqualTo(DOMAINS);
    assertThat(count("SELECT COUNT(*) FROM check_result")).isEqualTo((long) CHECKS.size() * DOMAINS);
    assertThat(count("SELECT COUNT(*) FROM scan_run WHERE status = 'COMPLETED'")).isEqualTo(1);
  }

  private void assertSameReport() throws Exception {
    ReportContents single = ReportContents.read(work.resolve("single"));
    ReportContents remote = ReportContents.read(work.resolve("remote"));
    assertThat(single.sizes().get("domains CSV")).isEqualTo(DOMAINS + 1);
    assertThat(single.differences(remote)).as("the remote run's report against the single process's").isEmpty();
  }

  private String url() {
    return "jdbc:postgresql://127.0.0.1:5432/" + database;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "")) {
      c.createStatement().execute(sql);
    }
  }

  private static boolean reachable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
