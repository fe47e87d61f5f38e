package io.mailsweep.testing.https;

import io.mailsweep.testing.tls.HeldCertificate;
import io.mailsweep.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An in-process HTTPS server for tests on 127.0.0.1 and a free port. It presents one test
 * certificate, answers each GET by its Host and path with a scripted {@link Reply} (misbehaviour
 * included: chunked, endless, silent) and 404 otherwise, and records every connection and request.
 * {@link #stallHandshakes()} makes it accept connections and never start TLS. Thread-safe; {@link
 * #close()} stops every thread and socket.
 */
public final class LabHttpsServer implements AutoCloseable {
  /** Connections served at once; further ones are closed on accept. */
  public static final int MAX_CONNECTIONS = 16;

  /** How long a connection may take to send its request. */
  static final int REQUEST_TIMEOUT_MILLIS = 5000;

  /** One GET as the server read it. */
  public record Request(String sni, String host, String path, String userAgent) {}

  private final SSLServerSocket listener;
  private final Map<String, Reply> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger abortedWrites = new AtomicInteger();
  private final ExecutorService workers;
  private final Thread acceptor;
  private volatile boolean stallHandshakes;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean closed;

  private LabHttpsServer(SSLServerSocket listener) {
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "lab-https-" + listener.getLocalPort() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, (task, pool) -> ((Connection) task).drop());
    this.acceptor = new Thread(this::acceptLoop, "lab-https-" + listener.getLocalPort() + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Serves on 127.0.0.1 and a free port, presenting {@code certificate}. */
  public static LabHttpsServer start(HeldCertificate certificate) throws IOException {
    return start(certificate, InetAddress.getByName("127.0.0.1"));
  }

  /** Serves on {@code address} (a loopback address) and a free port, presenting {@code certificate}. */
  public static LabHttpsServer start(HeldCertificate certificate, InetAddress address) throws IOException {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("lab servers listen on loopback only: " + address);
    }
    ServerSocket socket = certificate.serverContext().getServerSocketFactory().createServerSocket(0, 50, address);
    return new LabHttpsServer((SSLServerSocket) socket);
  }

  /** A client context that trusts only {@code ca}, as the fetcher under test is given. */
  public static SSLContext trusting(TestCa ca) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", ca.certificate());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a client context trusting the test CA", e);
    }
  }

  /** Answers {@code path} for any Host. */
  public LabHttpsServer route(String path, Reply reply) {
    return route("*", path, reply);
  }

  /** Answers {@code path} when the Host header names {@code host} (without port, any case). */
  public LabHttpsServer route(String host, String path, Reply reply) {
    routes.put(host.toLowerCase(Locale.ROOT) + " " + path, reply);
    return this;
  }

  /** From now on, accepted connections are held open without a TLS handshake. */
  public LabHttpsServer stallHandshakes() {
    stallHandshakes = true;
    return this;
  }

  public InetAddress address() {
    return listener.getInetAddress();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** TCP connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Requests read so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Endless bodies whose writing stopped because the client went away. */
  public int abortedWrites() {
    return abortedWrites.get();
  }

  Reply replyFor(String host, String path) {
    String bare = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    Reply reply = routes.get(bare + " " + path);
    reply = reply != null ? reply : routes.get("* " + path);
    return reply != null ? reply : Reply.status(404, "Not Found");
  }

  void recorded(Request request) {
    requests.add(request);
  }

  void aborted() {
    abortedWrites.incrementAndGet();
  }

  boolean stalling() {
    return stallHandshakes;
  }

  boolean closed() {
    return closed;
  }

  /** Blocks the calling connection thread until {@link #close()}. */
  void awaitClose() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void opened(Socket s) {
    open.add(s);
  }

  void finished(Socket s) {
    open.remove(s);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        connections.incrementAndGet();
        opened(socket);
        workers.execute(new Connection(this, socket));
      } catch (IOException e) {
        // Closed by close(), or one failed accept: the loop condition decides.
      }
    }
  }

  /** Stops accepting, closes every open connection and waits up to 2 s for the threads. */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    try {
      listener.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
    open.forEach(Connection::closeQuietly);
    workers.shutdownNow();
    try {
      acceptor.join(2000);
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
