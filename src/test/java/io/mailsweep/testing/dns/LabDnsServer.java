package io.mailsweep.testing.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * An in-process authoritative DNS server for tests: RFC 1035 master files served through dnsjava's
 * {@code Zone} on one loopback address and one port number for both UDP and TCP, with scripted
 * {@link Fault faults} per name and type, a global latency and query counters. Names outside the
 * served zones are REFUSED. Thread-safe; {@link #close()} stops every thread and socket.
 *
 * <p>A faults file has one rule per line, {@code <name> <TYPE|*> <EFFECT> [arg]}, e.g. {@code
 * slow.test TXT DELAY 300}; {@code #} starts a comment. The effects are those of {@link
 * Fault.Effect}. Rules apply to their exact owner name (any case, trailing dot optional), and the
 * first rule that matches a query wins.
 */
public final class LabDnsServer implements AutoCloseable {
  /** TCP connections served at once; further connections are closed on accept. */
  public static final int MAX_TCP_CONNECTIONS = 16;

  /** Replies waiting out a delay or latency at once; further delayed replies are dropped. */
  public static final int MAX_DELAYED_REPLIES = 4096;

  public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);

  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final FaultRules faults = new FaultRules();
  private final QueryCounters counters = new QueryCounters();
  private final DaemonThreads threads;
  private final ScheduledThreadPoolExecutor scheduler;
  private final InetSocketAddress socketAddress;
  private final QueryDispatcher dispatcher;
  private final UdpListener udp;
  private final TcpListener tcp;

  private LabDnsServer(
      ServedZones zones, List<FaultFile.Line> rules, LoopbackSockets sockets, Duration tcpIdle) {
    rules.forEach(rule -> faults.add(rule.key(), rule.fault()));
    this.socketAddress = (InetSocketAddress) sockets.udp().getLocalSocketAddress();
    this.threads = new DaemonThreads("lab-dns-" + socketAddress.getPort());
    this.scheduler = new ScheduledThreadPoolExecutor(2, threads.factory("delay"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.dispatcher =
        new QueryDispatcher(new Responder(zones), faults, counters, scheduler, MAX_DELAYED_REPLIES);
    this.udp = new UdpListener(sockets.udp(), dispatcher, threads.factory("udp"));
    this.tcp = new TcpListener(sockets.tcp(), dispatcher, MAX_TCP_CONNECTIONS, tcpIdle, threads);
    udp.start();
    tcp.start();
  }

  /** Serves these zone files on 127.0.0.1 and a free port. */
  public static LabDnsServer start(List<Path> zoneFiles) throws IOException {
    return builder().zoneFiles(zoneFiles).start();
  }

  /** Serves every {@code *.zone} file in {@code zonesDir} on 127.0.0.1 and a free port. */
  public static LabDnsServer start(Path zonesDir) throws IOException {
    return builder().zonesDir(zonesDir).start();
  }

  /** As {@link #start(Path)}, with the rules of {@code faultsFile} unless it is null. */
  public static LabDnsServer start(Path zonesDir, Path faultsFile) throws IOException {
    return builder().zonesDir(zonesDir).faults(faultsFile).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public InetAddress address() {
    return socketAddress.getAddress();
  }

  /** The one port number serving both UDP and TCP; still the same after {@link #close()}. */
  public int port() {
    return socketAddress.getPort();
  }

  public InetSocketAddress socketAddress() {
    return socketAddress;
  }

  /**
   * Appends a rule for {@code name} (exact owner, any case) and {@code type} (a mnemonic such as
   * {@code TXT}, or {@code *} for every type), or replaces in place the rule with the same name and
   * type.
   */
  public LabDnsServer fault(String name, String type, Fault fault) {
    faults.add(QueryKey.of(name, type), fault);
    return this;
  }

  public void clearFaults() {
    faults.clear();
  }

  /**
   * Adds the rules of a faults file (format in the class comment); nothing is added if any line is
   * bad.
   *
   * @throws IllegalArgumentException naming the line number of the first bad line
   */
  public void loadFaults(Path file) throws IOException {
    for (FaultFile.Line line : FaultFile.read(file)) {
      faults.add(line.key(), line.fault());
    }
  }

  /** Extra delay before every reply, applied without holding up other queries. */
  public void setLatency(Duration latency) {
    dispatcher.setLatency(latency);
  }

  /**
   * Queries with a parsable question for this name (any case) and type ({@code *} for all types),
   * over UDP and TCP, whether or not a fault swallowed them.
   */
  public long queryCount(String name, String type) {
    return counters.count(QueryKey.of(name, type));
  }

  public long totalQueries() {
    return counters.total();
  }

  public long tcpQueries() {
    return counters.tcp();
  }

  /**
   * When each counted query was received, as {@link System#nanoTime()} read by the server's listener
   * thread as it counted the query; the first 100,000 since the last reset, not necessarily sorted.
   */
  public List<Long> arrivalTimes() {
    return counters.arrivals();
  }

  /** Zeroes the counters; fault rules, including SERVFAIL_FIRST budgets, are untouched. */
  public void resetCounters() {
    counters.reset();
  }

  /**
   * Stops listening and drops open connections and pending delayed replies; returns once every
   * thread of the server has ended, or after {@link #CLOSE_TIMEOUT}.
   */
  @Override
  public void close() {
    udp.close();
    tcp.close();
    scheduler.shutdownNow();
    try {
      threads.joinAll(CLOSE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Settings for {@link #start()}; every zone file of the listed files and directories is served.
   */
  public static final class Builder {
    private final List<Path> zoneFiles = new ArrayList<>();
    private final List<Path> zoneDirs = new ArrayList<>();
    private Path faultsFile;
    private InetAddress address = LoopbackSockets.parseIpv4("127.0.0.1");
    private int port;
    private Duration tcpIdleTimeout = DEFAULT_TCP_IDLE_TIMEOUT;

    private Builder() {}

    public Builder zoneFiles(List<Path> files) {
      zoneFiles.addAll(files);
      return this;
    }

    /** Adds the {@code *.zone} files directly in {@code dir}, as listed at {@link #start()}. */
    public Builder zonesDir(Path dir) {
      zoneDirs.add(dir);
      return this;
    }

    /** A faults file loaded at start; null for none. */
    public Builder faults(Path file) {
      faultsFile = file;
      return this;
    }

    /** A dotted-quad literal in 127.0.0.0/8; the default is 127.0.0.1. */
    public Builder address(String ipv4) {
      address = LoopbackSockets.parseIpv4(ipv4);
      return this;
    }

    /** The port for both UDP and TCP; 0 (the default) picks one free for both. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port);
      }
      this.port = port;
      return this;
    }

    public Builder tcpIdleTimeout(Duration timeout) {
      tcpIdleTimeout = timeout;
      return this;
    }

    public LabDnsServer start() throws IOException {
      List<Path> files = new ArrayList<>(zoneFiles);
      for (Path dir : zoneDirs) {
        files.addAll(ServedZones.filesIn(dir));
      }
      ServedZones zones = ServedZones.load(files);
      List<FaultFile.Line> rules = faultsFile == null ? List.of() : FaultFile.read(faultsFile);
      return new LabDnsServer(zones, rules, LoopbackSockets.bind(address, port), tcpIdleTimeout);
    }
  }
}
