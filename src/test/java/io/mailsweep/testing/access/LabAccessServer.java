package io.mailsweep.testing.access;

import io.mailsweep.testing.tls.HeldCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * An in-process IMAP, POP3 or submission server for tests on 127.0.0.1 and an ephemeral port,
 * playing one {@link AccessScenario} on every connection: implicit TLS or plaintext with STARTTLS,
 * with the scenario's faults. It records what clients did: connections accepted, every command line
 * (in arrival order, over all connections) and every server-side handshake, so that tests can prove
 * what a client never sent ({@link #credentialCommands()}). Bounded: at most {@link
 * #MAX_CONNECTIONS} at once (further ones are closed on accept); {@link AccessSession} limits each
 * connection's commands, line length and idle time. Daemon threads; {@link #close()} ends all.
 */
public final class LabAccessServer implements AutoCloseable {
  public static final int MAX_CONNECTIONS = 8;

  /** Commands that carry or start to carry credentials, in any of the three protocols. */
  public static final Set<String> CREDENTIAL_VERBS = Set.of("LOGIN", "AUTHENTICATE", "USER", "PASS", "APOP", "AUTH");

  private static final Duration SETTLE = Duration.ofSeconds(1);
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final ServerSocket listener;
  private final AccessScenario scenario;
  private final SSLContext tlsContext;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> handshakes = new CopyOnWriteArrayList<>();

  private LabAccessServer(ServerSocket listener, AccessScenario scenario) {
    this.listener = listener;
    this.scenario = scenario;
    this.tlsContext = context(scenario.certificate());
    String name = "lab-" + scenario.protocol().name().toLowerCase(Locale.ROOT) + "-" + SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(MAX_CONNECTIONS, MAX_CONNECTIONS, 0, TimeUnit.MILLISECONDS,
        new SynchronousQueue<>(), task -> daemon(task, name + "-conn-" + threads.incrementAndGet()));
    this.acceptor = daemon(this::accept, name + "-accept");
    acceptor.start();
  }

  /** Starts a server playing {@code scenario} on the loopback address and an ephemeral port. */
  public static LabAccessServer start(AccessScenario scenario) throws IOException {
    return new LabAccessServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), scenario);
  }

  /** Starts a server playing {@code scenario} on {@code bind}, which must be a loopback address. */
  public static LabAccessServer start(AccessScenario scenario, InetSocketAddress bind) throws IOException {
    if (!bind.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("lab servers listen on loopback only: " + bind);
    }
    return new LabAccessServer(new ServerSocket(bind.getPort(), 50, bind.getAddress()), scenario);
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

  /** Every command line received so far, as sent, over all connections. */
  public List<String> commands() {
    settle();
    return List.copyOf(commands);
  }

  /**
   * The received command lines that are, or begin, a login: an IMAP LOGIN or AUTHENTICATE (after its
   * tag), POP3 USER, PASS or APOP, SMTP AUTH. Empty for a client that never logs in.
   */
  public List<String> credentialCommands() {
    return commands().stream().filter(LabAccessServer::isCredential).toList();
  }

  /** One entry per server-side handshake: "TLSv1.3 TLS_AES_128_GCM_SHA256" or "failed: why". */
  public List<String> handshakes() {
    settle();
    return List.copyOf(handshakes);
  }

  static boolean isCredential(String line) {
    String[] words = line.strip().toUpperCase(Locale.ROOT).split(" +");
    return CREDENTIAL_VERBS.contains(words[0]) || words.length > 1 && CREDENTIAL_VERBS.contains(words[1]);
  }

  /**
   * Waits (at most {@link #SETTLE}) until every connection the client has left is finished here,
   * so that the records include its last command: the client returns before the server thread has
   * read its LOGOUT or QUIT.
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

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        continue;
      }
      connections.incrementAndGet();
      open.add(socket);
      try {
        pool.execute(() -> serve(socket));
      } catch (RejectedExecutionException busy) {
        closeQuietly(socket);
        open.remove(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try {
      new AccessSession(socket, scenario, tlsContext, commands::add, handshakes::add).run();
    } finally {
      closeQuietly(socket);
      open.remove(socket);
    }
  }

  /** The scenario's server context; without a certificate every handshake fails. */
  private static SSLContext context(HeldCertificate certificate) {
    if (certificate != null) {
      return certificate.serverContext();
    }
    try {
      SSLContext none = SSLContext.getInstance("TLS");
      none.init(null, null, null);
      return none;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Socket socket) {
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
    open.forEach(LabAccessServer::closeQuietly);
    pool.shutdownNow();
    try {
      acceptor.join(Duration.ofSeconds(2).toMillis());
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
