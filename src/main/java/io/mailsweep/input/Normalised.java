package io.mailsweep.input;

import io.mailsweep.domain.DomainName;
import java.util.Objects;

/** What one raw value normalises to: a domain, or the reason there is none. */
public sealed interface Normalised {

  /** The value names {@code domain}. */
  record Accepted(DomainName domain) implements Normalised {
    public Accepted {
      Objects.requireNonNull(domain, "domain");
    }
  }

  /**
   * The value names no usable domain. The reason is short, readable, and the same for every value
   * rejected by the same rule (only an offending character is quoted), so it can be grouped on.
   */
  record Rejected(String reason) implements Normalised {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
