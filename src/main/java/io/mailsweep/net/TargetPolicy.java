package io.mailsweep.net;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.List;

/**
 * The run's {@link TargetGuard}. Three modes, from the command line:
 *
 * <ul>
 *   <li>default: every global address may be contacted, special-purpose ones ({@link
 *       AddressClass}) never;
 *   <li>{@code --allow-targets RANGES}: only addresses inside the ranges, special or not (labs name
 *       their loopback range, and nothing else can be reached);
 *   <li>{@code --allow-private-targets}: special-purpose addresses too, except those no connection
 *       can be made to (unspecified, multicast, broadcast).
 * </ul>
 */
public final class TargetPolicy implements TargetGuard {
  private static final List<CidrRange> NEVER = List.of(CidrRange.parse("0.0.0.0/32"), CidrRange.parse("::/128"),
      CidrRange.parse("224.0.0.0/4"), CidrRange.parse("255.255.255.255/32"), CidrRange.parse("ff00::/8"));

  private final List<CidrRange> allowed;
  private final boolean allowPrivate;

  private TargetPolicy(List<CidrRange> allowed, boolean allowPrivate) {
    this.allowed = List.copyOf(allowed);
    this.allowPrivate = allowPrivate;
  }

  public static TargetPolicy publicOnly() {
    return new TargetPolicy(List.of(), false);
  }

  /** Only {@code ranges} may be contacted; an empty list means {@link #publicOnly()}. */
  public static TargetPolicy only(List<CidrRange> ranges) {
    return new TargetPolicy(ranges, false);
  }

  public static TargetPolicy includingPrivate() {
    return new TargetPolicy(List.of(), true);
  }

  @Override
  public Refusal check(InetAddress address) {
    String text = InetAddresses.toAddrString(address);
    InetAddress effective = AddressClass.embeddedIpv4(address);
    if (NEVER.stream().anyMatch(r -> r.contains(effective))) {
      return new Refusal(true, text + " is " + AddressClass.special(address) + ": not a host to connect to");
    }
    if (!allowed.isEmpty()) {
      return allowed.stream().anyMatch(r -> r.contains(address) || r.contains(effective))
          ? null
          : new Refusal(false, text + " is outside --allow-targets " + describe());
    }
    String special = AddressClass.special(address);
    if (special == null || allowPrivate) {
      return null;
    }
    return new Refusal(true, text + " is a " + special + " address; not contacted"
        + " (use --allow-targets for labs)");
  }

  /** The policy for the run record and the report. */
  public String describe() {
    if (!allowed.isEmpty()) {
      return String.join(",", allowed.stream().map(CidrRange::toString).toList());
    }
    return allowPrivate ? "any address (private targets allowed)" : "public addresses only";
  }
}
