package io.mailsweep.testing.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-process SMTP server for tests on 127.0.0.1 and an ephemeral port, playing one {@link
 * Scenario} on every connection. It records what clients did: connections accepted, every command
 * line (in arrival order, over all connections), every server-side handshake and when each
 * connection was busy. Bounded: at most
 * {@link #MAX_CONNECTIONS} at once (further ones are closed on accept), {@link SmtpSession} limits
 * each connection's commands, line length and idle time. Daemon threads; {@link #close()} ends all.
 */
public final class LabSmtpServer implements AutoCloseable {
  public static final int MAX_CONNECTIONS = 8;

  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final ServerSocket listener;
  private final Scenario scenario;
  private final SSLContext tlsContext;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> handshakes = new CopyOnWriteArrayList<>();
  private final List<Busy> busy = new CopyOnWriteArrayList<>();

  /**
   * When one connection was busy, in {@link System#nanoTime()}: from its accept to the arrival of the
   * client's last command (its accept when it sent none). A client that waits for the reply to its
   * last command, as SMTP clients do, was connected for all of it, so the spans of connections that
   * overlap here overlapped at the client too.
   */
  public record Busy(long accepted, long lastCommand) {
    public boolean overlaps(Busy other) {
      return accepted < other.lastCommand && other.accepted < lastCommand;
    }
  }

  private LabSmtpServer(ServerSocket listener, Scenario scenario) {
    this.listener = listener;
    this.scenario = scenario;
    this.tlsContext = ServerTls.context(scenario.certificate());
    String name = "lab-smtp-" + SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(MAX_CONNECTIONS, MAX_CONNECTIONS, 0, TimeUnit.MILLISECONDS,
        new SynchronousQueue<>(), task -> daemon(task, name + "-conn-" + threads.incrementAndGet()));
    this.acceptor = daemon(this::accept, name + "-accept");
    acceptor.start();
  }

  /** Starts a server playing {@code scenario}. */
  public static LabSmtpServer start(Scenario scenario) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new LabSmtpServer(listener, scenario);
  }

  /**
   * Starts a server playing {@code scenario} on {@code bindTo}, a loopback address and port: several
   * servers on one port and different addresses stand for the MX hosts of a lab.
   */
  public static LabSmtpServer start(Scenario scenario, InetSocketAddress bindTo) throws IOException {
    if (!bindTo.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("lab servers listen on loopback only: " + bindTo);
    }
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(bindTo, 50);
    return new LabSmtpServer(listener, scenario);
  }

  /** A loopback port nothing listens on: bound, then closed at once. */
  public static int refusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  /** Connections accepted so far. */
  public int connections() {
    settle();
    return connections.get();
  }

  /** The busy span of every connection that has ended, in the order they ended. */
  public List<Busy> busy() {
    settle();
    return List.copyOf(busy);
  }

  /** Every command line received so far, as sent, over all connections. */
  public List<String> commands() {
    settle();
    return List.copyOf(commands);
  }

  /** One entry per server-side handshake: "TLSv1.3 TLS_AES_128_GCM_SHA256" or "failed: why". */
  public List<String> handshakes() {
    settle();
    return List.copyOf(handshakes);
  }

  /**
   * Waits (at most {@link #SETTLE}) until every connection the client has left is finished here,
   * so that the records include its last command: the client returns before the server thread has
   * read its QUIT.
   */
  private void settle() {
    long end = System.nanoTime() + SETTLE.toNanos();
    while (!open.isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final Duration SETTLE = Duration.ofSeconds(1);

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        continue;
      }
      long accepted = System.nanoTime();
      connections.incrementAndGet();
      open.add(socket);
      try {
        pool.execute(() -> serve(socket, accepted));
      } catch (RejectedExecutionException busy) {
        closeQuietly(socket);
        open.remove(socket);
      }
    }
  }

  private void serve(Socket socket, long accepted) {
    long[] lastCommand = {accepted};
    try {
      new SmtpSession(socket, scenario, tlsContext, line -> {
        lastCommand[0] = System.nanoTime();
        commands.add(line);
      }, handshakes::add).run();
    } finally {
      busy.add(new Busy(accepted, lastCommand[0]));
      closeQuietly(socket);
      open.remove(socket);
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    return t;
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closed enough.
    }
  }

  /** Stops accepting, closes every connection and waits briefly for the threads to end. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Not listening either way.
    }
    open.forEach(LabSmtpServer::closeQuietly);
    pool.shutdownNow();
    try {
      acceptor.join(Duration.ofSeconds(2).toMillis());
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
