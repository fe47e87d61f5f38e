package io.mailsweep.scan;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything that shapes how a run scans, fixed when the run starts and reused as it was when an
 * interrupted run is restarted.
 *
 * @param checks names of the enabled checks, in report order
 * @param domainDeadline hard limit for all checks of one domain; past it the unfinished checks
 *     are inconclusive. Keeps a chunk's transaction from waiting on a slow tail.
 * @param canaryNames names that must resolve for the resolver to be trusted; empty switches the
 *     canary off
 * @param progressInterval how often progress is printed; zero switches it off
 * @param options settings of individual checks
 * @param transport how mail and policy servers are contacted
 * @param skipUnanswered whether a domain whose own TXT question goes unanswered through every
 *     retry is reported INCONCLUSIVE without running its checks (see {@link DomainScanner})
 */
public record ScanSettings(
    List<String> checks,
    DnsSettings dns,
    Duration domainDeadline,
    List<DomainName> canaryNames,
    Duration progressInterval,
    CheckOptions options,
    TransportSettings transport,
    boolean skipUnanswered) {

  /** Settings that skip the checks of domains whose name servers do not answer. */
  public ScanSettings(List<String> checks, DnsSettings dns, Duration domainDeadline, List<DomainName> canaryNames,
      Duration progressInterval, CheckOptions options, TransportSettings transport) {
    this(checks, dns, domainDeadline, canaryNames, progressInterval, options, transport, true);
  }

  /** Settings with the default transport settings. */
  public ScanSettings(List<String> checks, DnsSettings dns, Duration domainDeadline, List<DomainName> canaryNames,
      Duration progressInterval, CheckOptions options) {
    this(checks, dns, domainDeadline, canaryNames, progressInterval, options, TransportSettings.DEFAULTS);
  }

  /** The word {@code --unanswered-domains} and a stored run use for {@code skipUnanswered}. */
  public static String unansweredText(boolean skip) {
    return skip ? "skip" : "ask-all";
  }

  /** The inverse of {@link #unansweredText}, in any case; anything else is refused. */
  public static boolean skipsUnanswered(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "skip" -> true;
      case "ask-all" -> false;
      default -> throw new IllegalArgumentException("expected skip or ask-all, got '" + text + "'");
    };
  }

  /**
   * The longest one domain's scan can take: the per-domain deadline, or the transport checks'
   * deadline when a check that contacts servers runs.
   */
  public Duration longestDomainScan() {
    return contactsServers() && transport().transportDeadline().compareTo(domainDeadline) > 0
        ? transport().transportDeadline() : domainDeadline;
  }

  /** Whether any enabled check contacts MX servers (and so the SMTP canary is worth running). */
  public boolean probesMailServers() {
    return checks.stream().anyMatch(CheckCatalog::probesMailServers);
  }

  /** Whether any enabled check contacts a server besides DNS. */
  public boolean contactsServers() {
    return checks.stream().anyMatch(CheckCatalog::contactsServers);
  }

  public ScanSettings {
    checks = List.copyOf(checks);
    canaryNames = List.copyOf(canaryNames);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("at least one check must be enabled");
    }
    if (domainDeadline.isNegative() || domainDeadline.isZero()) {
      throw new IllegalArgumentException("the per-domain deadline must be positive");
    }
  }
}
