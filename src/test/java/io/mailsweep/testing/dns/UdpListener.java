package io.mailsweep.testing.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;

/**
 * Receives datagrams on one thread and dispatches each in turn; dispatch never blocks (delays are
 * scheduled), so one slow answer does not hold up the next datagram.
 */
final class UdpListener implements AutoCloseable {
  private static final int MAX_DATAGRAM = 65535;

  private final DatagramSocket socket;
  private final QueryDispatcher dispatcher;
  private final Thread thread;

  UdpListener(DatagramSocket socket, QueryDispatcher dispatcher, ThreadFactory threads) {
    this.socket = socket;
    this.dispatcher = dispatcher;
    this.thread = threads.newThread(this::run);
  }

  void start() {
    thread.start();
  }

  private void run() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        continue;
      }
      byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
      SocketAddress client = packet.getSocketAddress();
      dispatcher.handle(data, Transport.UDP, wire -> reply(wire, client));
    }
  }

  private void reply(byte[] wire, SocketAddress client) {
    try {
      socket.send(new DatagramPacket(wire, wire.length, client));
    } catch (IOException e) {
      // The client is gone or the server is closing; UDP promises nothing either way.
    }
  }

  /** Closes the socket, which ends the receive thread soon after. */
  @Override
  public void close() {
    socket.close();
  }
}
