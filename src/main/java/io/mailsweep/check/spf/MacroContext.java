package io.mailsweep.check.spf;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The values the macro letters stand for (RFC 7208 §7.2).
 *
 * @param sender %{s}: {@code local@domain}, the local part already defaulted to "postmaster"
 * @param senderLocalPart %{l}
 * @param senderDomain %{o}
 * @param currentDomain %{d}: the domain whose record is being evaluated
 * @param ip %{i}, %{c}, %{v}: the SMTP client address
 * @param helo %{h}: the HELO/EHLO domain as given
 * @param receiver %{r}: the receiving host's name, "unknown" when not known
 * @param timestamp %{t}: seconds since the epoch
 * @param validatedDomain %{p}: filled in by the evaluator (§5.5), "unknown" until then
 */
public record MacroContext(
    String sender,
    String senderLocalPart,
    String senderDomain,
    String currentDomain,
    InetAddress ip,
    String helo,
    String receiver,
    long timestamp,
    String validatedDomain) {
  public static final String UNKNOWN = "unknown";

  public MacroContext {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(senderLocalPart, "senderLocalPart");
    Objects.requireNonNull(senderDomain, "senderDomain");
    Objects.requireNonNull(currentDomain, "currentDomain");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(helo, "helo");
    receiver = receiver == null ? UNKNOWN : receiver;
    validatedDomain = validatedDomain == null ? UNKNOWN : validatedDomain;
  }

  /**
   * The context at the start of check_host(): the sender is the MAIL FROM address, or
   * {@code postmaster@helo} for the null reverse-path (§2.4); an empty or missing local part
   * becomes "postmaster" (§4.3); %{d} starts as the sender's domain.
   */
  public static MacroContext of(
      InetAddress ip, String mailFrom, String helo, String receiver, long timestamp) {
    String address = mailFrom == null || mailFrom.isEmpty() ? "postmaster@" + helo : mailFrom;
    int at = address.lastIndexOf('@');
    String local = at <= 0 ? "postmaster" : address.substring(0, at);
    String domain = address.substring(at + 1);
    return new MacroContext(local + "@" + domain, local, domain, domain, ip, helo, receiver,
        timestamp, UNKNOWN);
  }

  /** {@link #of} for an evaluator's request. */
  public static MacroContext of(SpfRequest request, long timestamp) {
    return of(request.ip(), request.mailFrom(), request.helo(), request.receiver(), timestamp);
  }

  /** The context for the record of another domain (include, redirect: §5.2, §6.1). */
  public MacroContext withCurrentDomain(String domain) {
    return new MacroContext(sender, senderLocalPart, senderDomain, domain, ip, helo, receiver,
        timestamp, validatedDomain);
  }

  public MacroContext withValidatedDomain(String domain) {
    return new MacroContext(sender, senderLocalPart, senderDomain, currentDomain, ip, helo,
        receiver, timestamp, domain);
  }
}
