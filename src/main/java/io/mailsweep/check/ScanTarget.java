package io.mailsweep.check;

import io.mailsweep.domain.DomainName;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A domain to check, with the other columns of its input row (vendor name, owner, disclosed DKIM
 * selectors, ...) keyed by lower-cased header name, for checks that use them.
 */
public record ScanTarget(DomainName domain, Map<String, String> columns) {
  public ScanTarget {
    columns = Map.copyOf(columns);
  }

  public static ScanTarget of(DomainName domain) {
    return new ScanTarget(domain, Map.of());
  }

  /** A non-blank input column, by header name (any case). */
  public Optional<String> column(String name) {
    String v = columns.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
