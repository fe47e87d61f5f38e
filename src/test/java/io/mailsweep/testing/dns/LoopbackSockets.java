package io.mailsweep.testing.dns;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A UDP socket and a TCP listener bound to the same loopback address and port number. */
record LoopbackSockets(DatagramSocket udp, ServerSocket tcp) {
  /** Tries for port 0, each binding UDP to a fresh ephemeral port and TCP to the same number. */
  static final int EPHEMERAL_ATTEMPTS = 8;

  private static final int TCP_BACKLOG = 64;

  /**
   * Bytes of queries the UDP socket holds while the one receiving thread is busy: bulk scans send
   * hundreds at once, and the kernel default (about 200 of them) drops the rest. Linux caps it at
   * {@code net.core.rmem_max}.
   */
  private static final int UDP_RECEIVE_BUFFER = 4 << 20;

  /**
   * Binds both sockets; port 0 picks a number free for both.
   *
   * @throws IllegalArgumentException if {@code address} is not in 127.0.0.0/8
   */
  static LoopbackSockets bind(InetAddress address, int port) throws IOException {
    if (!(address instanceof Inet4Address) || !address.isLoopbackAddress()) {
      throw new IllegalArgumentException(address + " is not in 127.0.0.0/8");
    }
    if (port != 0) {
      return bindPair(address, port);
    }
    BindException last = null;
    for (int i = 0; i < EPHEMERAL_ATTEMPTS; i++) {
      try {
        return bindPair(address, 0);
      } catch (BindException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Parses a dotted-quad IPv4 literal without any name lookup. */
  static InetAddress parseIpv4(String literal) {
    String[] parts = literal.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = parts[i].matches("\\d{1,3}") ? Integer.parseInt(parts[i]) : -1;
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 literal: " + literal);
      }
      bytes[i] = (byte) octet;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("four bytes are always an address", e);
    }
  }

  private static LoopbackSockets bindPair(InetAddress address, int port) throws IOException {
    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
    try {
      udp.setReceiveBufferSize(UDP_RECEIVE_BUFFER);
      ServerSocket tcp = new ServerSocket();
      try {
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), TCP_BACKLOG);
        return new LoopbackSockets(udp, tcp);
      } catch (IOException e) {
        tcp.close();
        throw e;
      }
    } catch (IOException e) {
      udp.close();
      throw e;
    }
  }
}
