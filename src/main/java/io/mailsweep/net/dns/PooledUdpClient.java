package io.mailsweep.net.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.Message;
import org.xbill.DNS.io.UdpIoClient;

/**
 * dnsjava's UDP transport over a few long-lived sockets instead of one fresh socket per query
 * (dnsjava's {@code NioUdpClient} opens, binds, connects, registers and closes a channel for every
 * query, and its selector thread scans a list of every pending query).
 *
 * <p>A pool of {@link UdpPoolSettings#sockets()} unconnected non-blocking channels, each bound by
 * the OS to an ephemeral port (on the caller's local address when dnsjava passes one), is used in
 * turn; one daemon thread reads them all. Pending queries are keyed by (socket, query id); when
 * that id is already pending on a socket the next socket is tried, and when it is pending on every
 * socket the query fails at once with an {@link IOException} (the retry layer asks again, with a
 * new id). A reply is taken only when it comes from the address and port the query went to, has
 * its id and the QR bit, and repeats its question (name compared case-insensitively, RFC 4343;
 * type and class exactly); anything else is dropped and counted ({@link #dropped()}). Like
 * dnsjava's client, a reply is cut to the {@code max} bytes asked for. A query unanswered within
 * its timeout fails with {@link SocketTimeoutException}, as dnsjava's own does.
 *
 * <p>Spoofing resistance (RFC 5452 §9.2): an off-path forger must guess the query id (random:
 * dnsjava draws it) and the source port. A fresh socket per query draws the port anew each time;
 * a fixed pool offers only its few ports, which an attacker able to see one query's port can
 * reuse. So each socket is retired after {@link UdpPoolSettings#queriesPerSocket()} queries and a
 * newly bound one takes its place; the old one keeps listening until its pending queries are
 * answered or time out, then closes. The remaining exposure is one port for a few thousand
 * queries, against the far larger CPU cost of a socket per query; scans are meant to use a local
 * resolver on a path the operator controls, where neither matters much.
 *
 * <p>Sends never block: a full socket send buffer fails the query with an {@link IOException}.
 * Replies and timeouts complete the futures on this client's own threads; callers continue on
 * their executor (dnsjava's resolver does). The threads start with the first query and each
 * socket opens on its first use; {@link #close()} releases them and fails whatever is pending.
 */
public final class PooledUdpClient implements UdpIoClient, AutoCloseable {
  private static final int MAX_DATAGRAM = 65_535;
  private static final long JOIN_MILLIS = 2_000;

  private final UdpPoolSettings settings;
  private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InetSocketAddress, SocketPool> pools = new ConcurrentHashMap<>();
  private final Queue<PooledSocket> registrations = new ConcurrentLinkedQueue<>();
  private final AtomicLong serials = new AtomicLong();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closed;
  private volatile Selector selector;
  private ScheduledThreadPoolExecutor timeouts;
  private Thread receiver;

  public PooledUdpClient(UdpPoolSettings settings) {
    this.settings = settings;
  }

  @Override
  public CompletableFuture<byte[]> sendAndReceiveUdp(
      InetSocketAddress local, InetSocketAddress remote, Message query, byte[] data, int max, Duration timeout) {
    WireQuestion question = WireQuestion.of(data, data.length);
    if (question == null) {
      return CompletableFuture.failedFuture(new IOException("not a query with one question"));
    }
    Pending p;
    try {
      p = pool(local).reserve(WireQuestion.id(data, data.length), remote, question, max);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    try {
      p.timeout = timeouts.schedule(() -> expire(p, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (p.future.isDone()) {
        p.timeout.cancel(false);
      }
    } catch (RejectedExecutionException e) {
      fail(p, new IOException("DNS client closed"));
      return p.future;
    }
    send(p, data);
    return p.future;
  }

  /** Datagrams read and thrown away: not a reply to any pending query, or malformed. */
  public long dropped() {
    return dropped.sum();
  }

  /** The local ports of the sockets now taking new queries. */
  List<Integer> localPorts() {
    List<Integer> ports = new ArrayList<>();
    pools.values().forEach(pool -> pool.ports(ports));
    return ports;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    // Under each pool's lock: no reservation can slip in after the sweep below.
    pools.values().forEach(SocketPool::closeAll);
    IOException gone = new IOException("DNS client closed");
    pending.values().forEach(p -> fail(p, gone));
    Selector s = selector;
    if (s != null) {
      s.wakeup();
      timeouts.shutdownNow();
      try {
        receiver.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private SocketPool pool(InetSocketAddress local) throws IOException {
    if (selector == null) {
      start();
    }
    InetSocketAddress bindTo = new InetSocketAddress(local == null ? null : local.getAddress(), 0);
    SocketPool pool = pools.get(bindTo);
    if (pool == null) {
      synchronized (this) {
        if (closed) {
          throw new IOException("DNS client closed");
        }
        pool = pools.get(bindTo);
        if (pool == null) {
          pool = new SocketPool(bindTo);
          pools.put(bindTo, pool);
        }
      }
    }
    return pool;
  }

  private synchronized void start() throws IOException {
    if (closed) {
      throw new IOException("DNS client closed");
    }
    if (selector != null) {
      return;
    }
    Selector opened = Selector.open();
    timeouts = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "mailsweep-dns-udp-timeouts"));
    timeouts.setRemoveOnCancelPolicy(true);
    selector = opened;
    receiver = daemon(this::receive, "mailsweep-dns-udp");
    receiver.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void send(Pending p, byte[] data) {
    try {
      if (p.socket.channel.send(ByteBuffer.wrap(data), p.remote) == 0) {
        fail(p, new IOException("UDP send buffer full; query to " + p.remote + " not sent"));
      }
    } catch (IOException | RuntimeException e) {
      fail(p, e instanceof IOException io ? io : new IOException(e));
    }
  }

  private void expire(Pending p, Duration timeout) {
    if (finish(p)) {
      p.future.completeExceptionally(
          new SocketTimeoutException("Query timed out after " + timeout.toMillis() + " ms"));
    }
  }

  private void fail(Pending p, IOException e) {
    if (finish(p)) {
      p.future.completeExceptionally(e);
    }
  }

  /** Takes {@code p} off the pending map; true for exactly one caller, who completes its future. */
  private boolean finish(Pending p) {
    if (!pending.remove(p.key, p)) {
      return false;
    }
    ScheduledFuture<?> t = p.timeout;
    if (t != null) {
      t.cancel(false);
    }
    p.socket.pool.release(p.socket);
    return true;
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    Selector s = selector;
    while (!closed) {
      try {
        registerNew(s);
        s.select(key -> drain((PooledSocket) key.attachment(), buffer));
      } catch (IOException | RuntimeException e) {
        // A closed channel or a hostile datagram must not end the only reader.
        dropped.increment();
      }
    }
    try {
      s.close();
    } catch (IOException e) {
      // Nothing is left to read from it.
    }
  }

  private void registerNew(Selector s) {
    for (PooledSocket socket; (socket = registrations.poll()) != null; ) {
      try {
        socket.channel.register(s, SelectionKey.OP_READ, socket);
      } catch (ClosedChannelException e) {
        // Retired and closed before it was ever registered.
      }
    }
  }

  private void drain(PooledSocket socket, ByteBuffer buffer) {
    while (true) {
      buffer.clear();
      SocketAddress from;
      try {
        from = socket.channel.receive(buffer);
      } catch (IOException e) {
        return;
      }
      if (from == null) {
        return;
      }
      accept(socket, from, buffer.array(), buffer.position());
    }
  }

  private void accept(PooledSocket socket, SocketAddress from, byte[] bytes, int length) {
    int id = WireQuestion.id(bytes, length);
    Pending p = id < 0 ? null : pending.get(key(socket.serial, id));
    if (p == null || !WireQuestion.isResponse(bytes) || !p.remote.equals(from)
        || !p.question.sameAs(WireQuestion.of(bytes, length))) {
      dropped.increment();
      return;
    }
    if (finish(p)) {
      p.future.complete(Arrays.copyOf(bytes, Math.min(length, p.max)));
    }
  }

  private static long key(long serial, int id) {
    return serial << 16 | id;
  }

  /** One query on the wire. */
  private static final class Pending {
    final long key;
    final PooledSocket socket;
    final InetSocketAddress remote;
    final WireQuestion question;
    final int max;
    final CompletableFuture<byte[]> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    Pending(PooledSocket socket, int id, InetSocketAddress remote, WireQuestion question, int max) {
      this.key = key(socket.serial, id);
      this.socket = socket;
      this.remote = remote;
      this.question = question;
      this.max = max;
    }
  }

  /** A bound channel; its counters are guarded by its pool's lock. */
  private static final class PooledSocket {
    final long serial;
    final DatagramChannel channel;
    final SocketPool pool;
    int pending;
    int sent;
    boolean retired;

    PooledSocket(long serial, DatagramChannel channel, SocketPool pool) {
      this.serial = serial;
      this.channel = channel;
      this.pool = pool;
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing is all that was wanted.
      }
    }
  }

  /** The sockets bound to one local address: those taking queries, and retired ones draining. */
  private final class SocketPool {
    private final InetSocketAddress bindTo;
    private final PooledSocket[] live;
    private final List<PooledSocket> retiring = new ArrayList<>();
    private int next;

    SocketPool(InetSocketAddress bindTo) {
      this.bindTo = bindTo;
      this.live = new PooledSocket[settings.sockets()];
    }

    private PooledSocket open() throws IOException {
      DatagramChannel channel = DatagramChannel.open();
      try {
        channel.configureBlocking(false);
        channel.bind(bindTo);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      PooledSocket socket = new PooledSocket(serials.incrementAndGet(), channel, this);
      registrations.add(socket);
      selector.wakeup();
      return socket;
    }

    /** The pending query on the next socket where its id is free. */
    synchronized Pending reserve(int id, InetSocketAddress remote, WireQuestion question, int max)
        throws IOException {
      if (closed) {
        throw new IOException("DNS client closed");
      }
      for (int i = 0; i < live.length; i++) {
        int slot = (next + i) % live.length;
        if (live[slot] == null) {
          live[slot] = open();  // on first use: a short run, or a test, needs few sockets
        }
        PooledSocket socket = live[slot];
        if (socket.pending >= settings.maxPendingPerSocket()) {
          continue;
        }
        Pending p = new Pending(socket, id, remote, question, max);
        if (pending.putIfAbsent(p.key, p) == null) {
          socket.pending++;
          next = (slot + 1) % live.length;
          if (++socket.sent >= settings.queriesPerSocket()) {
            rotate(slot);
          }
          return p;
        }
      }
      throw new IOException("query id " + id + " is pending on all " + live.length + " sockets, or they are full");
    }

    private void rotate(int slot) {
      PooledSocket old = live[slot];
      try {
        live[slot] = open();
      } catch (IOException e) {
        old.sent = 0;  // keep the old port a while longer rather than fail queries
        return;
      }
      old.retired = true;
      retiring.add(old);
      retireIfIdle(old);
    }

    synchronized void release(PooledSocket socket) {
      socket.pending--;
      retireIfIdle(socket);
    }

    private void retireIfIdle(PooledSocket socket) {
      if (socket.retired && socket.pending == 0) {
        retiring.remove(socket);
        socket.close();
      }
    }

    synchronized void closeAll() {
      for (PooledSocket socket : live) {
        if (socket != null) {
          socket.close();
        }
      }
      retiring.forEach(PooledSocket::close);
      retiring.clear();
    }

    synchronized void ports(List<Integer> out) {
      for (PooledSocket socket : live) {
        if (socket != null) {
          out.add(socket.channel.socket().getLocalPort());
        }
      }
    }
  }
}
