package io.mailsweep.check.spf;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The argument grammar of each mechanism (RFC 7208 §5), given what follows its name: empty, or
 * starting with ":" or "/".
 *
 * <pre>
 * all     = "all"
 * include = "include" ":" domain-spec
 * a       = "a"   [ ":" domain-spec ] [ dual-cidr-length ]
 * mx      = "mx"  [ ":" domain-spec ] [ dual-cidr-length ]
 * ptr     = "ptr" [ ":" domain-spec ]
 * ip4     = "ip4" ":" ip4-network [ ip4-cidr-length ]
 * ip6     = "ip6" ":" ip6-network [ ip6-cidr-length ]
 * exists  = "exists" ":" domain-spec
 * </pre>
 */
final class SpfParserMechanism {
  private SpfParserMechanism() {}

  private static final String DUAL_HINT = "a dual CIDR length is /ip4-length//ip6-length";

  static SpfSyntaxResult<Term> parse(Qualifier q, MechanismType type, String rest, String term) {
    String name = type.name().toLowerCase(Locale.ROOT);
    return switch (type) {
      case ALL -> rest.isEmpty()
          ? ok(q, type, null, null, -1, -1, term)
          : SpfSyntaxResult.error(
              "all takes no " + (rest.startsWith(":") ? "argument" : "CIDR length"));
      case INCLUDE, EXISTS -> rest.startsWith(":")
          ? domainSpec(name, rest.substring(1)).then(d -> ok(q, type, d, null, -1, -1, term))
          : SpfSyntaxResult.error(name + " needs ':' and a domain-spec");
      case PTR -> rest.startsWith("/")
          ? SpfSyntaxResult.error("ptr takes no CIDR length")
          : optionalDomainSpec(name, rest, rest).then(d -> ok(q, type, d, null, -1, -1, term));
      case A, MX -> SpfSyntaxCidr.dual(rest).then(
          cidr -> optionalDomainSpec(name, cidr.head(), rest)
              .then(d -> ok(q, type, d, null, cidr.ip4Prefix(), cidr.ip6Prefix(), term)));
      case IP4 -> network(name, rest, "IPv4", 32, SpfSyntaxIp::ip4)
          .then(n -> ok(q, type, null, n.address(), n.prefix(), -1, term));
      case IP6 -> network(name, rest, "IPv6", 128, SpfSyntaxIp::ip6)
          .then(n -> ok(q, type, null, n.address(), -1, n.prefix(), term));
    };
  }

  private static SpfSyntaxResult<Term> ok(Qualifier q, MechanismType type, String domainSpec,
      InetAddress network, int ip4Prefix, int ip6Prefix, String term) {
    return SpfSyntaxResult.ok(
        new Mechanism(q, type, domainSpec, network, ip4Prefix, ip6Prefix, term));
  }

  /** Nothing (null), or ":" and a domain-spec; {@code rest} is all that followed the name. */
  private static SpfSyntaxResult<String> optionalDomainSpec(String name, String head, String rest) {
    if (head.isEmpty()) {
      return SpfSyntaxResult.ok(null);
    }
    if (head.startsWith(":")) {
      return domainSpec(name, head.substring(1));
    }
    return SpfSyntaxResult.error("invalid CIDR length '" + rest + "' (" + DUAL_HINT + ")");
  }

  private static SpfSyntaxResult<String> domainSpec(String name, String spec) {
    Optional<String> problem = DomainSpecSyntax.problem(spec);
    if (problem.isEmpty()) {
      return SpfSyntaxResult.ok(spec);
    }
    if (!spec.matches(".*/[0-9]+")) {
      return SpfSyntaxResult.error(problem.get());
    }
    boolean dual = name.equals("a") || name.equals("mx");
    return SpfSyntaxResult.error(
        problem.get() + " (" + (dual ? DUAL_HINT : name + " takes no CIDR length") + ")");
  }

  private record Network(InetAddress address, int prefix) {}

  private static SpfSyntaxResult<Network> network(String name, String rest, String family,
      int maxPrefix, Function<String, Optional<InetAddress>> reader) {
    if (!rest.startsWith(":")) {
      return SpfSyntaxResult.error(name + " needs ':' and an " + family + " network");
    }
    String body = rest.substring(1);
    int slash = body.indexOf('/');
    String address = slash < 0 ? body : body.substring(0, slash);
    Optional<InetAddress> parsed = reader.apply(address);
    if (parsed.isEmpty()) {
      return SpfSyntaxResult.error(address.isEmpty()
          ? "empty " + family + " network"
          : "invalid " + family + " network '" + address + "'");
    }
    return SpfSyntaxCidr.length(slash < 0 ? null : body.substring(slash + 1), maxPrefix)
        .then(prefix -> SpfSyntaxResult.ok(new Network(parsed.get(), prefix)));
  }
}
