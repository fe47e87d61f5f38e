package io.mailsweep.net.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A recursive resolver stand-in on 127.0.0.1 over UDP that answers every query with what {@code
 * reply} builds from it, for replies the lab server never sends (AD set, extended DNS errors).
 */
final class StubResolver implements AutoCloseable {
  private final DatagramSocket socket;
  private final Thread thread;
  private final List<Message> queries = new CopyOnWriteArrayList<>();

  StubResolver(Function<Message, Message> reply) throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(() -> serve(reply), "stub-resolver");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** The queries received, in order. */
  List<Message> queries() {
    return queries;
  }

  private void serve(Function<Message, Message> reply) {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        socket.receive(in);
        Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
        queries.add(query);
        byte[] out = reply.apply(query).toWire();
        socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2000);
  }
}
