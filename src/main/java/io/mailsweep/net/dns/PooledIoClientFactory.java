package io.mailsweep.net.dns;

import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/** UDP through one shared {@link PooledUdpClient}; TCP (truncated answers) through dnsjava's own client. */
final class PooledIoClientFactory implements IoClientFactory {
  private static final IoClientFactory DNSJAVA = new DefaultIoClientFactory();

  private final PooledUdpClient udp;

  PooledIoClientFactory(PooledUdpClient udp) {
    this.udp = udp;
  }

  @Override
  public TcpIoClient createOrGetTcpClient() {
    return DNSJAVA.createOrGetTcpClient();
  }

  @Override
  public UdpIoClient createOrGetUdpClient() {
    return udp;
  }
}
