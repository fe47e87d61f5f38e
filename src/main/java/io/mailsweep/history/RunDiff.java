package io.mailsweep.history;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.MailServerCertificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compares two runs: their domains as a merge join on the domain name (each side read once, in
 * order, one domain at a time), then their mail servers' certificates. Changes come out grouped by
 * domain in ascending order, each domain's in {@link ChangeKind} order, then the certificate
 * changes by MX host. Pure: the caller supplies the sorted sequences.
 */
public final class RunDiff {
  private static final Comparator<DomainFacts> BY_DOMAIN = Comparator.comparing(DomainFacts::domain);

  private final DiffSettings settings;
  private final DomainDiff domains;

  public RunDiff(DiffSettings settings) {
    this.settings = settings;
    this.domains = new DomainDiff(settings.verdict());
  }

  /**
   * Streams the domain changes to {@code out}.
   *
   * @param before the earlier run's domains in ascending {@link String#compareTo} order of name
   * @param after the later run's, in the same order
   * @throws IllegalStateException if a side is out of order (a repeated domain is compared once)
   */
  public void compareDomains(Iterator<DomainFacts> before, Iterator<DomainFacts> after, Consumer<Change> out) {
    new SortedMerge<>(BY_DOMAIN, DomainFacts::domain, "domains").merge(before, after, new SortedMerge.Visitor<>() {
      @Override
      public void onlyBefore(DomainFacts a) {
        out.accept(domains.removed(a));
      }

      @Override
      public void onlyAfter(DomainFacts b) {
        out.accept(domains.added(b));
      }

      @Override
      public void both(DomainFacts a, DomainFacts b) {
        domains.compare(a, b).forEach(out);
      }
    });
  }

  /**
   * Streams the certificate changes to {@code out}: both sides ordered by host, address, port.
   *
   * @param laterStarted when the later run started: the expiry horizon counts from there
   */
  public void compareCertificates(Iterator<MailServerCertificate> before, Iterator<MailServerCertificate> after,
      Instant laterStarted, Consumer<Change> out) {
    new CertificateDiff(laterStarted, settings.expiryHorizon()).compare(before, after, out);
  }

  /** Every change between two small runs held in memory, in any order (tests, tools). */
  public List<Change> compare(List<DomainFacts> before, List<DomainFacts> after) {
    List<Change> out = new ArrayList<>();
    compareDomains(before.stream().sorted(BY_DOMAIN).iterator(), after.stream().sorted(BY_DOMAIN).iterator(),
        out::add);
    return out;
  }
}
