package io.mailsweep.testing.dns;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * DNS over TCP (RFC 7766): two-byte length framing, any number of queries per connection, replies
 * in whatever order they are ready. Each connection holds one thread of a fixed pool; connections
 * beyond the pool are closed at once. A connection idle for {@code idleTimeout} is closed.
 */
final class TcpListener implements AutoCloseable {
  private final ServerSocket server;
  private final QueryDispatcher dispatcher;
  private final int idleMillis;
  private final ThreadPoolExecutor connectionPool;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  TcpListener(
      ServerSocket server,
      QueryDispatcher dispatcher,
      int maxConnections,
      Duration idle,
      DaemonThreads threads) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.idleMillis = Math.toIntExact(idle.toMillis());
    this.connectionPool =
        new ThreadPoolExecutor(
            maxConnections,
            maxConnections,
            0,
            TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(),
            threads.factory("tcp"));
    this.acceptor = threads.factory("accept").newThread(this::accept);
  }

  void start() {
    acceptor.start();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        continue;
      }
      open.add(socket);
      if (server.isClosed()) {
        closeQuietly(socket);
        continue;
      }
      try {
        connectionPool.execute(() -> serve(socket));
      } catch (RejectedExecutionException busy) {
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(idleMillis);
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (byte[] query = readFrame(in); query != null; query = readFrame(in)) {
        dispatcher.handle(query, Transport.TCP, wire -> write(out, wire));
      }
    } catch (IOException e) {
      // Idle timeout, reset or close(): the connection is over either way.
    } finally {
      open.remove(socket);
    }
  }

  /** The next message, or null at a clean end of stream; at most 65535 bytes by construction. */
  private static byte[] readFrame(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readUnsignedShort();
    } catch (EOFException end) {
      return null;
    }
    byte[] message = new byte[length];
    in.readFully(message);
    return message;
  }

  /** Writes from the connection thread and the scheduler are serialised per connection. */
  private static void write(OutputStream out, byte[] wire) {
    byte[] frame = new byte[wire.length + 2];
    frame[0] = (byte) (wire.length >>> 8);
    frame[1] = (byte) wire.length;
    System.arraycopy(wire, 0, frame, 2, wire.length);
    synchronized (out) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        // The client closed first; nothing is owed to it.
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already unusable.
    }
  }

  /** Closes the listener and every connection, which ends their threads soon after. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // A listener that fails to close is not listening either.
    }
    open.forEach(TcpListener::closeQuietly);
    connectionPool.shutdownNow();
  }
}
