package io.mailsweep.check.e2ee;

import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.Finding;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Judges the lookups of one contact. Pure.
 *
 * <ul>
 *   <li>WKD (draft-koch-openpgp-webkey-service §3.1): found on a 200 whose body starts like a binary
 *       transferable public key; any other answer of the server (404, redirect, certificate failure,
 *       a page that is not a key) is no key; no WKD host is no key; no connection, no answer or a
 *       host we were not allowed to contact is not determined.
 *   <li>OPENPGPKEY and SMIMEA (RFC 7929 §3, RFC 8162 §3): found on an answer with records, whether
 *       or not DNSSEC authenticated it (an unauthenticated one is a finding: RFC 7929 §5 and RFC
 *       8162 §6 make conforming senders reject it); NXDOMAIN and NODATA are no key; a failed lookup
 *       is not determined.
 * </ul>
 */
final class ContactJudge {
  private final ContactLookup lookup;
  private final List<KeyMethod> found = new ArrayList<>();
  private final List<KeyMethod> absent = new ArrayList<>();
  private final Map<KeyMethod, String> unknown = new EnumMap<>(KeyMethod.class);
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> evidence = new ArrayList<>();

  private ContactJudge(ContactLookup lookup) {
    this.lookup = lookup;
  }

  static ContactVerdict judge(ContactLookup lookup) {
    ContactJudge j = new ContactJudge(lookup);
    j.wkd();
    j.dns(KeyMethod.OPENPGPKEY, lookup.openpgpkey(), E2eeFinding.E2EE_OPENPGPKEY_NOT_DNSSEC);
    j.dns(KeyMethod.SMIMEA, lookup.smimea(), E2eeFinding.E2EE_SMIMEA_NOT_DNSSEC);
    ContactVerdict v = new ContactVerdict(lookup.address(), j.found, j.absent, j.unknown, j.findings, j.evidence);
    if (v.reach() == ContactVerdict.Reach.UNREACHABLE) {
      j.findings.add(E2eeFinding.E2EE_CONTACT_NO_KEY.with("No key for " + lookup.address().text()
          + " by WKD, OPENPGPKEY or SMIMEA"));
      v = new ContactVerdict(lookup.address(), j.found, j.absent, j.unknown, j.findings, j.evidence);
    }
    return v;
  }

  private void wkd() {
    WkdHost host = lookup.host();
    String who = ";; " + lookup.address().text() + " WKD: ";
    if (host.method() == null) {
      if (host.failure() != null) {
        unknown(KeyMethod.WKD, "host of " + host.domain() + " unknown (" + host.failure() + ")", who);
      } else {
        absent(KeyMethod.WKD, "no WKD host for " + host.domain(), who);
      }
      return;
    }
    for (WkdFetch.Attempt a : lookup.wkd().attempts()) {
      evidence.add(";; GET " + lookup.wkd().url() + " at " + a.address() + ": " + a.result().describe());
    }
    FetchResult r = lookup.wkd().result();
    if (r == null) {
      if (host.onlySpecialAddresses()) {
        absent(KeyMethod.WKD, host.host() + " has only special-purpose addresses", who);
      } else {
        unknown(KeyMethod.WKD, host.host() + " not contacted (" + (host.refused().isEmpty() ? "no usable address"
            : String.join("; ", host.refused().stream().map(x -> x.refusal().reason()).toList())) + ")", who);
      }
      return;
    }
    keyResponse(r, who);
  }

  private void keyResponse(FetchResult r, String who) {
    String url = lookup.wkd().url();
    if (!r.outcome().conclusive()) {
      unknown(KeyMethod.WKD, r.outcome() + " (" + r.detail() + ")", who);
      return;
    }
    String problem = r.outcome() == FetchOutcome.OK ? OpenPgpKeyData.problem(r.bytes()) : null;
    if (r.outcome() == FetchOutcome.OK && problem == null) {
      found.add(KeyMethod.WKD);
      evidence.add(who + "binary OpenPGP public key, " + r.bytes().length + " bytes");
      return;
    }
    boolean invalid = r.outcome() == FetchOutcome.OK || r.outcome() == FetchOutcome.TOO_LARGE
        || r.outcome() == FetchOutcome.PROTOCOL_ERROR;
    String why = problem != null ? problem : r.outcome() + " (" + r.detail() + ")";
    if (invalid) {
      findings.add(E2eeFinding.E2EE_WKD_KEY_INVALID.with(url + ": " + why));
    }
    absent(KeyMethod.WKD, "no key: " + why, who);
  }

  private void dns(KeyMethod method, DnsAnswer answer, E2eeFinding unsigned) {
    evidence.addAll(DnsEvidence.of(answer));
    if (answer.status() == DnsStatus.ANSWER && !answer.records().isEmpty()) {
      found.add(method);
      evidence.add(";; DNSSEC: " + (answer.authenticated() ? "authenticated" : "not authenticated"));
      if (!answer.authenticated()) {
        findings.add(unsigned.with(method + " record for " + lookup.address().text() + " at " + answer.name()
            + " is not DNSSEC-authenticated"));
      }
    } else if (answer.status().conclusive()) {
      absent.add(method);
    } else {
      unknown.put(method, "lookup " + answer.status() + " (" + answer.describe() + ")");
    }
  }

  private void absent(KeyMethod method, String why, String who) {
    absent.add(method);
    evidence.add(who + why);
  }

  private void unknown(KeyMethod method, String why, String who) {
    unknown.put(method, why);
    evidence.add(who + "not determined: " + why);
  }
}
