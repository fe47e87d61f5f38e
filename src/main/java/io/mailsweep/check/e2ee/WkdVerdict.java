package io.mailsweep.check.e2ee;

import io.mailsweep.check.Finding;
import java.util.List;

/**
 * What the check concluded about a domain's Web Key Directory.
 *
 * @param text for the summary and the {@code WKD} attribute, e.g. {@code offered (advanced)}
 * @param reason why the state is UNKNOWN, else null
 */
public record WkdVerdict(State state, String text, List<Finding> findings, String reason) {
  /** The domain-level WKD states. */
  public enum State {
    /** The policy flags file is served (draft-koch-openpgp-webkey-service §4.5), or keys are. */
    OFFERED,
    /** No WKD host, or the direct method's web server serves no policy there. */
    NOT_OFFERED,
    /** A WKD host meant for it (the advanced sub-domain exists) or reached fails clients. */
    BROKEN,
    /** Could not be determined: DNS failed, the host was not contacted or did not answer. */
    UNKNOWN
  }

  public WkdVerdict {
    findings = List.copyOf(findings);
  }
}
