package io.mailsweep.check.dkim;

import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which names to ask for one domain: the selectors the vendor disclosed, then the job's, then the
 * catalogue's, each once, as {@code <selector>._domainkey.<domain>}. Pure.
 *
 * @param probes the selectors to ask for, in order, with their DNS names
 * @param rejected input entries that were not asked for, with the reason
 */
public record SelectorPlan(List<Probe> probes, List<Rejected> rejected) {
  /** The input column that lists the selectors a vendor disclosed. */
  public static final String COLUMN = "dkim_selectors";

  /**
   * Disclosed selectors honoured per domain: an input cell is untrusted text, and each entry costs
   * a query.
   */
  public static final int MAX_DISCLOSED = 32;

  /** One selector and the name it is published at. */
  public record Probe(Selector selector, DomainName name) {}

  /** An input entry that was not probed. */
  public record Rejected(String text, Selector.Source source, String reason) {}

  public SelectorPlan {
    probes = List.copyOf(probes);
    rejected = List.copyOf(rejected);
  }

  public static SelectorPlan of(DomainName domain, Optional<String> column, List<String> job, List<String> catalogue) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    List<Rejected> rejected = new ArrayList<>();
    List<String> disclosed = column.map(SelectorPlan::split).orElse(List.of());
    for (int i = 0; i < disclosed.size(); i++) {
      if (i >= MAX_DISCLOSED) {
        rejected.add(new Rejected(disclosed.get(i), Selector.Source.DISCLOSED,
            "over the limit of " + MAX_DISCLOSED + " disclosed selectors per domain"));
      } else {
        add(domain, disclosed.get(i), Selector.Source.DISCLOSED, probes, rejected);
      }
    }
    job.forEach(s -> add(domain, s, Selector.Source.JOB, probes, rejected));
    catalogue.forEach(s -> add(domain, s, Selector.Source.CATALOGUE, probes, rejected));
    return new SelectorPlan(new ArrayList<>(probes.values()), rejected);
  }

  /** Entries of a dkim_selectors cell: separated by commas, semicolons or white space. */
  static List<String> split(String cell) {
    List<String> out = new ArrayList<>();
    for (String part : cell.split("[,;\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  private static void add(DomainName domain, String text, Selector.Source source, Map<String, Probe> probes,
      List<Rejected> rejected) {
    String problem = Selector.problem(text);
    Selector selector = new Selector(text, source);
    String fqdn = selector.name() + "._domainkey." + domain.text();
    if (problem == null && DomainName.problem(fqdn) != null) {
      problem = "makes " + fqdn + " longer than a DNS name may be";
    }
    if (problem != null) {
      rejected.add(new Rejected(text, source, problem));
    } else {
      probes.putIfAbsent(selector.name(), new Probe(selector, DomainName.of(fqdn)));
    }
  }
}
