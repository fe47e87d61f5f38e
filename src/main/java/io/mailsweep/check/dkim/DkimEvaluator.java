package io.mailsweep.check.dkim;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.check.Severity;
import io.mailsweep.check.Status;
import io.mailsweep.net.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Judges a {@link DkimDiscovery}. Keys found decide by their findings' severity; no key at any
 * probed selector warns (absence cannot be proven, only that none of the guesses hit); a failed
 * lookup makes the result inconclusive, with the names that failed. Pure.
 */
public final class DkimEvaluator {
  /** Attribute names of a DKIM result: see {@link Judgement#attributes()}. */
  public static final String SELECTORS = "selectors";
  public static final String USABLE_KEYS = "usable-keys";
  public static final String MIN_RSA_BITS = "min-rsa-bits";
  public static final String ABSENCE = "absence";
  public static final List<String> ATTRIBUTES = List.of(SELECTORS, USABLE_KEYS, MIN_RSA_BITS, ABSENCE);
  private final DkimKeyEvaluator keys;

  public DkimEvaluator(CheckOptions options) {
    this.keys = new DkimKeyEvaluator(options);
  }

  public CheckResult evaluate(DkimDiscovery d) {
    Judgement j = new Judgement();
    j.evidence.addAll(DnsEvidence.of(d.node()));
    rejected(d.plan(), j);
    if (d.shortCircuited()) {
      return shortCircuit(d, j);
    }
    j.evidence.addAll(DnsEvidence.of(d.wildcard()));
    List<SelectorResult> results = new ArrayList<>();
    for (int i = 0; i < d.plan().probes().size(); i++) {
      results.add(SelectorResult.classify(d.plan().probes().get(i), d.answers().get(i), d.wildcard()));
    }
    if (SelectorResult.isWildcard(d.wildcard())) {
      j.findings.add(DkimFinding.DKIM_WILDCARD.with("Every selector under _domainkey." + d.domain()
          + " answers: the random selector " + d.wildcard().name() + " got " + DkimReport.answer(d.wildcard())
          + ". Answers identical to it were not counted as keys."));
    }
    results.forEach(r -> judge(r, j));
    DkimReport.absent(results, j.evidence);
    return conclude(d, results, j);
  }

  private CheckResult conclude(DkimDiscovery d, List<SelectorResult> results, Judgement j) {
    int probed = results.size();
    List<DnsAnswer> failed = results.stream().filter(r -> r.kind() == SelectorResult.Kind.FAILED)
        .map(SelectorResult::answer).collect(Collectors.toCollection(ArrayList::new));
    if (!j.keys.isEmpty() && !d.wildcard().status().conclusive()) {
      failed.add(0, d.wildcard());
    }
    String wildcardNote = SelectorResult.isWildcard(d.wildcard()) ? " (a wildcard answers every selector)" : "";
    if (!failed.isEmpty()) {
      String summary = (j.keys.isEmpty() ? "inconclusive" : String.join("; ", j.keys)) + "; " + failed.size()
          + " of " + (probed + 1) + " lookups failed";
      String reason = "lookups failed: " + failed.stream().map(DnsAnswer::describe).collect(Collectors.joining("; "));
      return new CheckResult(DkimCheck.NAME, Status.INCONCLUSIVE, summary, reason, j.findings, j.evidence)
          .withAttributes(j.attributes());
    }
    if (j.keys.isEmpty()) {
      j.findings.add(DkimFinding.DKIM_NOT_FOUND.with("No DKIM key found for " + d.domain() + " among " + probed
          + " probed selectors" + wildcardNote + "; the domain may sign with a selector not probed"));
      j.absence = "unproven";
      return result(DkimReport.notFound(probed) + wildcardNote, j);
    }
    if (!j.usable) {
      j.findings.add(DkimFinding.DKIM_NO_USABLE_KEY.with("None of the keys found for " + d.domain()
          + " can verify a signature: " + String.join("; ", j.keys)));
    }
    return result(String.join("; ", j.keys) + (wildcardNote.isEmpty() ? "" : "; wildcard"), j);
  }

  private CheckResult shortCircuit(DkimDiscovery d, Judgement j) {
    int planned = d.plan().probes().size();
    j.evidence.add(";; RFC 8020: " + d.node().name() + " does not exist, so no name below it can; none of the "
        + planned + " selectors was asked");
    for (SelectorPlan.Probe p : d.plan().probes()) {
      if (p.selector().source() == Selector.Source.DISCLOSED) {
        j.findings.add(DkimFinding.DKIM_SELECTOR_MISSING.with("The disclosed selector " + p.selector().name()
            + " has no key: " + d.node().name() + " does not exist"));
      }
    }
    j.findings.add(DkimFinding.DKIM_NOT_FOUND.with("No DKIM key for " + d.domain() + ": " + d.node().name()
        + " does not exist (NXDOMAIN), so no selector can exist below it (RFC 8020)"));
    j.absence = "proven";
    return result("not found: " + d.node().name() + " does not exist", j);
  }

  private void judge(SelectorResult r, Judgement j) {
    String name = r.probe().name().text();
    boolean disclosed = r.selector().source() == Selector.Source.DISCLOSED;
    switch (r.kind()) {
      case FOUND:
        j.evidence.addAll(DnsEvidence.of(r.answer()));
        found(r, j);
        break;
      case DANGLING:
      case NOT_A_KEY:
        j.evidence.addAll(DnsEvidence.of(r.answer()));
        if (disclosed) {
          j.findings.add(missing(r));
        } else if (r.kind() == SelectorResult.Kind.DANGLING) {
          j.findings.add(DkimFinding.DKIM_CNAME_DANGLING.with("The selector " + name + " is an alias ("
              + String.join(" → ", r.answer().cnameChain()) + ") to a name without a key: " + r.answer().status()));
        }
        break;
      case FAILED:
        j.evidence.addAll(DnsEvidence.of(r.answer()));
        break;
      default:
        if (disclosed) {
          j.findings.add(missing(r));
        }
        break;
    }
  }

  private void found(SelectorResult r, Judgement j) {
    String name = r.probe().name().text();
    if (r.parsed().size() > 1) {
      j.findings.add(DkimFinding.DKIM_MULTIPLE_RECORDS.with(name + " has " + r.parsed().size() + " DKIM records"));
    }
    List<String> described = new ArrayList<>();
    for (DkimKeyParser.Parsed p : r.parsed()) {
      j.findings.addAll(keys.findings(name, p));
      described.add(DkimReport.describe(p));
      if (p instanceof DkimKeyParser.Parsed.Key k && keys.usable(k.key())) {
        j.usable = true;
        j.usableKeys++;
        if (DkimKey.RSA.equals(k.key().keyType())) {
          j.minRsaBits = j.minRsaBits == 0 ? k.key().bits() : Math.min(j.minRsaBits, k.key().bits());
        }
      }
    }
    j.selectors.add(r.selector().name());
    j.keys.add(r.selector().name() + ": " + String.join(" + ", described));
  }

  private static Finding missing(SelectorResult r) {
    String what = r.kind() == SelectorResult.Kind.WILDCARD
        ? " has no record of its own; " + r.probe().name() + " only gets the wildcard's answer"
        : " has no key at " + r.probe().name() + ": " + DkimReport.answer(r.answer());
    return DkimFinding.DKIM_SELECTOR_MISSING.with("The disclosed selector " + r.selector().name() + what);
  }

  private static void rejected(SelectorPlan plan, Judgement j) {
    for (SelectorPlan.Rejected x : plan.rejected()) {
      String source = x.source().name().toLowerCase(Locale.ROOT);
      j.evidence.add(";; not probed: " + source + " selector '" + x.text() + "' " + x.reason());
      if (x.source() == Selector.Source.DISCLOSED) {
        j.findings.add(DkimFinding.DKIM_SELECTOR_INVALID.with("The dkim_selectors entry '" + x.text() + "' "
            + x.reason()));
      }
    }
  }

  private static CheckResult result(String summary, Judgement j) {
    return new CheckResult(DkimCheck.NAME, Severity.statusOf(j.findings), summary, null, j.findings, j.evidence)
        .withAttributes(j.attributes());
  }

  /** What the evaluation has gathered so far. */
  private static final class Judgement {
    final List<Finding> findings = new ArrayList<>();
    final List<String> evidence = new ArrayList<>();
    /** One summary entry per selector with DKIM records, e.g. {@code selector1: rsa 2048}. */
    final List<String> keys = new ArrayList<>();
    /** The selectors with DKIM records, in probe order. */
    final List<String> selectors = new ArrayList<>();
    boolean usable;
    int usableKeys;
    /** The smallest usable RSA key's bits; 0 while none is found. */
    int minRsaBits;
    /** With no key found: "proven" (RFC 8020) or "unproven" (no probed selector had one). */
    String absence;

    /**
     * {@code selectors} (comma-separated, when any has DKIM records), {@code usable-keys} and,
     * when any usable RSA key was found, {@code min-rsa-bits}; when no key was found, {@code
     * absence}: {@code proven} when {@code _domainkey} does not exist (RFC 8020), {@code unproven}
     * when only none of the probed selectors had one.
     */
    List<CheckResult.Attribute> attributes() {
      List<CheckResult.Attribute> out = new ArrayList<>();
      if (!selectors.isEmpty()) {
        out.add(new CheckResult.Attribute(SELECTORS, String.join(",", selectors)));
      }
      out.add(new CheckResult.Attribute(USABLE_KEYS, Integer.toString(usableKeys)));
      if (minRsaBits > 0) {
        out.add(new CheckResult.Attribute(MIN_RSA_BITS, Integer.toString(minRsaBits)));
      }
      if (absence != null) {
        out.add(new CheckResult.Attribute(ABSENCE, absence));
      }
      return out;
    }
  }
}
