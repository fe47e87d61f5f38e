package io.mailsweep.net.dns;

/**
 * The shared UDP sockets of {@link PooledUdpClient}.
 *
 * @param sockets datagram sockets open at once, used in turn
 * @param queriesPerSocket queries a socket carries before a freshly bound one replaces it (its
 *     source port is then retired): the spoofing trade-off in {@link PooledUdpClient}
 * @param maxPendingPerSocket unanswered queries one socket may hold; the in-flight cap normally
 *     keeps far below it (at most 65,536: there are no more query ids)
 */
public record UdpPoolSettings(int sockets, int queriesPerSocket, int maxPendingPerSocket) {
  /** 32 sockets, a new port after 2,000 queries each, no cap below the 16-bit id space. */
  public static final UdpPoolSettings DEFAULT = new UdpPoolSettings(32, 2_000, 65_536);

  public UdpPoolSettings {
    if (sockets < 1 || sockets > 1024) {
      throw new IllegalArgumentException("UDP pool sockets must be between 1 and 1024");
    }
    if (queriesPerSocket < 1) {
      throw new IllegalArgumentException("queries per UDP socket must be at least 1");
    }
    if (maxPendingPerSocket < 1 || maxPendingPerSocket > 65_536) {
      throw new IllegalArgumentException("pending queries per UDP socket must be between 1 and 65536");
    }
  }
}
