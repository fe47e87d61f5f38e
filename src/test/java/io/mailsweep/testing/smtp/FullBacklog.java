package io.mailsweep.testing.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts and whose accept queue is already full, so that a
 * further connection attempt gets no answer at all: Linux drops the SYN, as a filtering firewall
 * would. The loopback stand-in for a blocked port 25.
 */
public final class FullBacklog implements AutoCloseable {
  /** Connections made to fill the queue; the kernel queues up to backlog + 1. */
  private static final int FILLERS = 4;

  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  private FullBacklog(ServerSocket listener) {
    this.listener = listener;
  }

  public static FullBacklog open() throws IOException {
    FullBacklog b = new FullBacklog(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    try {
      for (int i = 0; i < FILLERS; i++) {
        Socket s = new Socket();
        b.fillers.add(s);
        s.connect(b.address(), 200);
      }
    } catch (IOException queueAlreadyFull) {
      // Earlier fillers took the queue; this one timed out as the probe will.
    }
    return b;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    for (Socket s : fillers) {
      s.close();
    }
    listener.close();
  }
}
