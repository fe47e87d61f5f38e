package io.mailsweep.net.dns;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The well-known public recursive resolvers, which {@link QueryRate#AUTO} paces at {@link
 * #QUERIES_PER_SECOND}. They rate-limit each client (Google Public DNS allows about 100 queries/s);
 * a scan past that gets SERVFAIL or silence, which would make domains inconclusive. Addresses are
 * the providers' published IPv4 and IPv6 service addresses; any other resolver (a local unbound, a
 * company resolver, a lab) is not paced unless {@code --dns-qps} says so.
 */
final class PublicResolvers {
  static final int QUERIES_PER_SECOND = 100;

  private static final Set<InetAddress> ADDRESSES = Stream.of(
          // Google Public DNS
          "8.8.8.8", "8.8.4.4", "2001:4860:4860::8888", "2001:4860:4860::8844",
          // Cloudflare
          "1.1.1.1", "1.0.0.1", "2606:4700:4700::1111", "2606:4700:4700::1001",
          // Quad9
          "9.9.9.9", "149.112.112.112", "2620:fe::fe", "2620:fe::9",
          // OpenDNS
          "208.67.222.222", "208.67.220.220")
      .map(InetAddresses::forString)
      .collect(Collectors.toUnmodifiableSet());

  private PublicResolvers() {}

  static boolean contains(InetAddress resolver) {
    return ADDRESSES.contains(resolver);
  }
}
