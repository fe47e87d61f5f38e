package io.mailsweep.check.e2ee;

import io.mailsweep.check.Finding;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a domain's WKD from its host and the fetch of its policy flags file. Pure.
 *
 * <p>The policy file is the signal of support (draft-koch-openpgp-webkey-service §4.5: "a site
 * supporting the Web Key Directory MUST serve this file"). With the advanced method the
 * {@code openpgpkey} sub-domain shows intent, so any failure to serve the file is BROKEN; with
 * the direct method the domain's ordinary web server answers, so a 404, a redirect or a page that
 * is not a policy file means NOT_OFFERED. A certificate failure is BROKEN under either method,
 * since every client trying WKD for the domain hits it; no connection or no answer is UNKNOWN.
 */
final class WkdJudge {
  private WkdJudge() {}

  /** @param policy the fetch of the policy file; null when the host has no method */
  static WkdVerdict judge(WkdHost host, WkdFetch policy) {
    if (host.method() == null) {
      if (host.failure() != null) {
        return unknown("WKD host lookups failed: " + host.failure(), List.of());
      }
      return notOffered(E2eeFinding.E2EE_WKD_MISSING.with("Neither " + WkdMethod.SUBDOMAIN + "." + host.domain()
          + " nor " + host.domain() + " has an A or AAAA record"));
    }
    String method = host.method().text();
    FetchResult r = policy.result();
    if (r == null) {
      List<String> reasons = host.refused().stream().map(x -> x.refusal().reason()).toList();
      if (host.onlySpecialAddresses()) {
        return broken(method, E2eeFinding.E2EE_WKD_HOST_SPECIAL_ADDRESS.with(host.host()
            + " resolves only to addresses senders cannot reach: " + String.join("; ", reasons)));
      }
      return unknown("WKD host " + host.host() + " not contacted: "
          + (reasons.isEmpty() ? "no usable address" : String.join("; ", reasons)), List.of());
    }
    String where = policy.url() + ": ";
    if (!r.outcome().conclusive()) {
      return unknown("policy fetch " + where + r.outcome() + " (" + r.detail() + ")",
          List.of(E2eeFinding.E2EE_WKD_UNREACHABLE.with(where + r.outcome() + " (" + r.detail() + ")")));
    }
    if (r.outcome() == FetchOutcome.TLS_FAILED) {
      return broken(method, E2eeFinding.E2EE_WKD_CERTIFICATE_INVALID.with(where + r.detail()));
    }
    String problem = r.outcome() == FetchOutcome.OK ? WkdPolicyParser.problem(r.body()) : r.detail();
    if (r.outcome() == FetchOutcome.OK && problem == null) {
      return new WkdVerdict(WkdVerdict.State.OFFERED, "offered (" + method + ")", List.of(), null);
    }
    if (host.method() == WkdMethod.DIRECT) {
      return notOffered(E2eeFinding.E2EE_WKD_MISSING.with(where + (r.outcome() == FetchOutcome.OK
          ? "not a policy flags file (" + problem + ")" : problem) + "; taken as no WKD"));
    }
    E2eeFinding type = switch (r.outcome()) {
      case HTTP_STATUS -> E2eeFinding.E2EE_WKD_POLICY_MISSING;
      case REDIRECT -> E2eeFinding.E2EE_WKD_POLICY_REDIRECT;
      default -> E2eeFinding.E2EE_WKD_POLICY_INVALID;
    };
    return broken(method, type.with(where + (r.outcome() == FetchOutcome.OK
        ? "not a policy flags file (" + problem + ")" : problem)));
  }

  /** The verdict when a contact at the domain has a key although no policy file is served. */
  static WkdVerdict keysWithoutPolicy(WkdVerdict verdict, WkdHost host, String keyUrl) {
    Finding f = E2eeFinding.E2EE_WKD_POLICY_MISSING.with(keyUrl + " serves a key, but " + host.host()
        + " serves no policy flags file");
    List<Finding> findings = new ArrayList<>(verdict.findings());
    findings.removeIf(x -> x.code().equals(E2eeFinding.E2EE_WKD_MISSING.name()));
    findings.add(f);
    return new WkdVerdict(WkdVerdict.State.OFFERED, "offered (" + host.method().text() + "; no policy file)",
        findings, null);
  }

  private static WkdVerdict notOffered(Finding f) {
    return new WkdVerdict(WkdVerdict.State.NOT_OFFERED, "not offered", List.of(f), null);
  }

  private static WkdVerdict broken(String method, Finding f) {
    return new WkdVerdict(WkdVerdict.State.BROKEN, "broken (" + method + ")", List.of(f), null);
  }

  private static WkdVerdict unknown(String reason, List<Finding> findings) {
    return new WkdVerdict(WkdVerdict.State.UNKNOWN, "unknown", findings, reason);
  }
}
