package io.mailsweep.check.mtasts;

import io.mailsweep.domain.DomainName;
import java.util.List;
import java.util.Locale;

/**
 * A well-formed MTA-STS policy (RFC 8461 §3.2).
 *
 * @param maxAge seconds senders may cache the policy, 0 to {@link MtaStsPolicyParser#MAX_AGE_LIMIT}
 * @param mx the allowed MX host patterns in policy order; possibly empty only for mode none
 * @param extensions names of fields senders ignore, in policy order
 */
public record MtaStsPolicy(Mode mode, long maxAge, List<MxPattern> mx, List<String> extensions) {
  /** RFC 8461 §5: what senders do when delivery does not meet the policy. */
  public enum Mode {
    /** Refuse to deliver to MX hosts that do not match or do not offer valid TLS. */
    ENFORCE,
    /** Deliver anyway, and report the failure (RFC 8460). */
    TESTING,
    /** Treat the domain as having no policy (used to withdraw MTA-STS, §8.3). */
    NONE;

    /** As written in a policy: {@code enforce}, {@code testing}, {@code none}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public MtaStsPolicy {
    mx = List.copyOf(mx);
    extensions = List.copyOf(extensions);
    if (maxAge < 0 || maxAge > MtaStsPolicyParser.MAX_AGE_LIMIT) {
      throw new IllegalArgumentException("max_age " + maxAge);
    }
  }

  /** Whether some mx pattern matches {@code host} (RFC 8461 §4.1). */
  public boolean covers(DomainName host) {
    return mx.stream().anyMatch(p -> p.matches(host));
  }
}
