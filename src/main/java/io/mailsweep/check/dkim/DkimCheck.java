package io.mailsweep.check.dkim;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The DKIM check: selector discovery by guessing, since DNS cannot list a domain's selectors. The
 * only class of the package that asks DNS. Asks {@code _domainkey.<domain>} first (RFC 8020
 * short-cut), then a random selector and every planned selector at once, and lets {@link
 * DkimEvaluator} judge. Never blocks: every step is a composed future.
 */
public final class DkimCheck implements Check {
  public static final String NAME = "dkim";

  /** Random selectors start with this, so a log reader can tell them from real probes. */
  static final String RANDOM_PREFIX = "ms-";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Dns dns;
  private final CheckOptions options;
  private final List<String> catalogue;
  private final Supplier<String> randomLabel;
  private final DkimEvaluator evaluator;

  public DkimCheck(Dns dns, CheckOptions options) {
    this(dns, options, SelectorCatalogue.shipped(), DkimCheck::randomLabel);
  }

  DkimCheck(Dns dns, CheckOptions options, List<String> catalogue, Supplier<String> randomLabel) {
    this.dns = dns;
    this.options = options;
    this.catalogue = List.copyOf(catalogue);
    this.randomLabel = randomLabel;
    this.evaluator = new DkimEvaluator(options);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    SelectorPlan plan = SelectorPlan.of(domain, target.column(SelectorPlan.COLUMN), options.dkimSelectors(), catalogue);
    return discover(domain, plan).thenApply(evaluator::evaluate);
  }

  /** The DNS answers the evaluation rests on; never completes exceptionally for DNS outcomes. */
  CompletableFuture<DkimDiscovery> discover(DomainName domain, SelectorPlan plan) {
    String node = "_domainkey." + domain.text();
    if (DomainName.problem(node) != null) {
      DnsAnswer none = DnsAnswer.failure(domain, RecordType.TXT, DnsStatus.NXDOMAIN,
          node + " would be longer than " + DomainName.MAX_LENGTH + " characters");
      return CompletableFuture.completedFuture(new DkimDiscovery(domain, plan, none, null, List.of()));
    }
    DomainName nodeName = DomainName.of(node);
    return dns.query(nodeName, RecordType.TXT).thenCompose(answer -> answer.status() == DnsStatus.NXDOMAIN
        ? CompletableFuture.completedFuture(new DkimDiscovery(domain, plan, answer, null, List.of()))
        : probe(domain, plan, answer, nodeName));
  }

  /** The random selector and every planned one, all in flight together. */
  private CompletableFuture<DkimDiscovery> probe(DomainName domain, SelectorPlan plan, DnsAnswer node,
      DomainName nodeName) {
    CompletableFuture<DnsAnswer> wildcard = wildcardCheck(nodeName);
    List<CompletableFuture<DnsAnswer>> answers = new ArrayList<>();
    plan.probes().forEach(p -> answers.add(dns.query(p.name(), RecordType.TXT)));
    List<CompletableFuture<?>> all = new ArrayList<>(answers);
    all.add(wildcard);
    // getNow, not join: allOf has completed every future, and the check must never block.
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> new DkimDiscovery(
        domain, plan, node, wildcard.getNow(null), answers.stream().map(a -> a.getNow(null)).toList()));
  }

  /**
   * The TXT answer for a random selector, the label cut to what the name length leaves; with no
   * room for any label, no selector fits either and the check is a plain denial.
   */
  private CompletableFuture<DnsAnswer> wildcardCheck(DomainName nodeName) {
    String label = randomLabel.get();
    int room = DomainName.MAX_LENGTH - nodeName.text().length() - 1;
    if (room < 1) {
      return CompletableFuture.completedFuture(DnsAnswer.failure(nodeName, RecordType.TXT, DnsStatus.NXDOMAIN,
          "no room for a selector below " + nodeName));
    }
    return dns.query(nodeName.prepend(label.substring(0, Math.min(label.length(), room))), RecordType.TXT);
  }

  /** An unpredictable label, so that no zone can publish a key for it. */
  static String randomLabel() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return RANDOM_PREFIX + HexFormat.of().formatHex(bytes);
  }
}
