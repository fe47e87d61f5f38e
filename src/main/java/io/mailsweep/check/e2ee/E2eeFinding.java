package io.mailsweep.check.e2ee;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/**
 * The findings of the encrypted-mail check and what to do about each. WKD references are to
 * draft-koch-openpgp-webkey-service, whose section numbers have been stable from -12 to -22.
 */
public enum E2eeFinding implements FindingType {
  E2EE_WKD_MISSING(Severity.INFO,
      "No action needed unless the domain wants senders to find its users' OpenPGP keys: a Web Key"
          + " Directory is optional. To offer one, serve the policy flags file (it may be empty) and each"
          + " user's binary key at https://openpgpkey.<domain>/.well-known/openpgpkey/<domain>/ (advanced"
          + " method) or https://<domain>/.well-known/openpgpkey/ (direct method).",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_WKD_POLICY_MISSING(Severity.MEDIUM,
      "Serve the policy flags file at WELLKNOWN/policy with status 200 (an empty file is enough): a site"
          + " supporting the Web Key Directory must serve it, and clients use it to tell whether the domain"
          + " offers WKD at all.",
      "draft-koch-openpgp-webkey-service §4.5"),
  E2EE_WKD_POLICY_REDIRECT(Severity.LOW,
      "Serve the WKD files themselves with status 200 on openpgpkey.<domain>: the scanner, like careful"
          + " clients, does not follow redirects for key material. Hosting elsewhere works through a CNAME"
          + " for openpgpkey.<domain> and a certificate for that name.",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_WKD_POLICY_INVALID(Severity.LOW,
      "Serve a policy flags file (keywords such as mailbox-only, one per line, or an empty file) or"
          + " correct the server's response: what is served at WELLKNOWN/policy is not one, typically a web"
          + " page every unknown path returns, so clients cannot rely on it to detect WKD support.",
      "draft-koch-openpgp-webkey-service §4.5"),
  E2EE_WKD_CERTIFICATE_INVALID(Severity.MEDIUM,
      "Give the WKD host a certificate for its name, within its validity and chaining to a public root"
          + " (send the intermediates): keys are only looked up over authenticated HTTPS, so no key can be"
          + " fetched from this host.",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_WKD_HOST_SPECIAL_ADDRESS(Severity.MEDIUM,
      "Point the WKD host at public addresses: it resolves only to private, loopback or other"
          + " special-purpose addresses that senders on the internet cannot reach.",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_WKD_UNREACHABLE(Severity.INFO,
      "No action for the domain: the scanner could not connect to the WKD host or got no answer in"
          + " time (see the detail), so whether the domain offers WKD is not known. Rescan later.",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_WKD_KEY_INVALID(Severity.MEDIUM,
      "Serve each user's key at WELLKNOWN/hu/<hash> as the binary OpenPGP transferable public key (not"
          + " ASCII-armored, not a web page), or answer 404 for users without one: what is served there"
          + " is not a key clients can use.",
      "draft-koch-openpgp-webkey-service §3.1"),
  E2EE_CONTACT_NO_KEY(Severity.MEDIUM,
      "Publish an encryption key for this contact: an OpenPGP key in the domain's Web Key Directory or"
          + " as a DNSSEC-signed OPENPGPKEY record, or an S/MIME certificate as a DNSSEC-signed SMIMEA"
          + " record. Without one, senders cannot discover a key and mail to the contact goes unencrypted"
          + " end to end unless keys were exchanged by hand.",
      "RFC 7929 §3; RFC 8162 §3; draft-koch-openpgp-webkey-service §3.1"),
  E2EE_OPENPGPKEY_NOT_DNSSEC(Severity.MEDIUM,
      "Sign the zone with DNSSEC (and publish its DS in the parent): an OPENPGPKEY answer must pass"
          + " DNSSEC validation, and senders treat any other state as failure, so this key is not used"
          + " by conforming clients and could be forged on the path.",
      "RFC 7929 §5"),
  E2EE_SMIMEA_NOT_DNSSEC(Severity.MEDIUM,
      "Sign the zone with DNSSEC (and publish its DS in the parent): an SMIMEA answer must pass DNSSEC"
          + " validation, and senders treat any other state as failure, so this certificate association"
          + " is not used by conforming clients and could be forged on the path.",
      "RFC 8162 §6"),
  E2EE_CONTACT_MALFORMED(Severity.INFO,
      "Correct the contact in the input: list plain addresses (local@domain.example) separated by"
          + " commas, semicolons or spaces. A token that is not such an address is not looked up.",
      "RFC 5321 §4.1.2"),
  E2EE_TOO_MANY_CONTACTS(Severity.INFO,
      "Keys are looked up for the first contacts of the row only (the cap bounds the lookups a row can"
          + " cause); list fewer contacts per row or raise the cap to cover the others.",
      "RFC 7929 §7.3");

  private final FindingDefinition definition;

  E2eeFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
