package io.mailsweep.net.dns;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** The operating system's configured resolvers (resolv.conf and its platform equivalents). */
public final class SystemResolvers {
  private SystemResolvers() {}

  public static List<InetSocketAddress> find() {
    ResolverConfig.refresh();
    return List.copyOf(ResolverConfig.getCurrentConfig().servers());
  }
}
