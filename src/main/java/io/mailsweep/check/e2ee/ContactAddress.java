package io.mailsweep.check.e2ee;

import io.mailsweep.domain.DomainName;
import java.util.Objects;

/**
 * One contact's mailbox (RFC 5321 §4.1.2), as listed in the input.
 *
 * @param localPart the Dot-string as written: its case is kept, since only the WKD hash folds it
 *     (draft-koch-openpgp-webkey-service §3.1) and RFC 7929 §3 hashes it unchanged
 * @param domain the domain, in canonical A-label form
 */
public record ContactAddress(String localPart, DomainName domain) {
  public ContactAddress {
    Objects.requireNonNull(localPart, "localPart");
    Objects.requireNonNull(domain, "domain");
  }

  /** {@code local@domain}, the domain in lower case. */
  public String text() {
    return localPart + "@" + domain.text();
  }

  @Override
  public String toString() {
    return text();
  }
}
