package io.mailsweep.check.dkim;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/** The DKIM findings and what to do about each. */
public enum DkimFinding implements FindingType {
  DKIM_NOT_FOUND(Severity.MEDIUM,
      "Sign outgoing mail with DKIM and publish the key at <selector>._domainkey.<domain>. If the domain"
          + " already signs, add the selector (the s= of its DKIM-Signature header) to the input's"
          + " dkim_selectors column: selectors can only be guessed, so absence here is not proof.",
      "RFC 6376 §3.6.2.1"),
  DKIM_SELECTOR_MISSING(Severity.MEDIUM,
      "Publish the key for the selector the vendor disclosed, or correct the disclosure: receivers"
          + " fail every signature that names a selector without a key.",
      "RFC 6376 §6.1.2"),
  DKIM_SELECTOR_INVALID(Severity.INFO,
      "Correct the dkim_selectors entry: give the selector alone (e.g. \"selector1\"), not the DNS name"
          + " or other text; it was not looked up.",
      "RFC 6376 §3.1"),
  DKIM_WILDCARD(Severity.LOW,
      "Remove the wildcard record that answers every name under _domainkey (or the whole domain) and"
          + " publish each selector explicitly: a wildcard hides which keys are really in use and hands"
          + " the same answer to every selector anyone asks for.",
      "RFC 4592 §3.3.1"),
  DKIM_CNAME_DANGLING(Severity.LOW,
      "Complete the delegation at the provider (for Microsoft 365: enable DKIM signing for the domain)"
          + " or remove the CNAME: the selector points at a name that holds no key.",
      "RFC 6376 §6.1.2"),
  DKIM_KEY_WEAK(Severity.HIGH,
      "Replace the key with an RSA key of at least 2048 bits (or add an Ed25519 key beside one) and"
          + " revoke the old selector by publishing it with an empty p=. Keys this short can be"
          + " factored, and receivers must not accept signatures made with them.",
      "RFC 8301 §3.2"),
  DKIM_KEY_SHORT(Severity.MEDIUM,
      "Rotate to an RSA key of at least 2048 bits: signers should use 2048 bits, and 1024-bit keys are"
          + " within reach of well-funded attackers.",
      "RFC 8301 §3.2"),
  DKIM_KEY_REVOKED(Severity.INFO,
      "Nothing to do if the selector is retired: an empty p= is how a key is withdrawn. If mail is"
          + " still signed with this selector, publish its current key.",
      "RFC 6376 §3.6.1"),
  DKIM_NO_USABLE_KEY(Severity.MEDIUM,
      "Publish a current key: every key found is revoked or unusable, so no signature of the domain can"
          + " verify.",
      "RFC 6376 §6.1.2"),
  DKIM_KEY_TESTING(Severity.LOW,
      "Remove t=y once signing works: receivers must treat mail signed with a key in testing mode as"
          + " unsigned.",
      "RFC 6376 §3.6.1"),
  DKIM_KEY_SHA1_ONLY(Severity.HIGH,
      "Remove h=sha1 (or write h=sha256): the key allows only rsa-sha1 signatures, which receivers must"
          + " not accept any more.",
      "RFC 8301 §3.1"),
  DKIM_KEY_HASH_UNKNOWN(Severity.HIGH,
      "Write h=sha256 or remove h=: the key allows no hash algorithm receivers implement, so no"
          + " signature with it can verify.",
      "RFC 6376 §3.6.1"),
  DKIM_KEY_MALFORMED(Severity.HIGH,
      "Republish the key exactly as the signing system exports it: p= must be the base64 of an RSA"
          + " SubjectPublicKeyInfo or of the raw 32-octet Ed25519 key. Check for characters lost or added"
          + " when the record was split into strings.",
      "RFC 6376 §3.6.1, RFC 8463 §4.2"),
  DKIM_KEY_TYPE_UNKNOWN(Severity.HIGH,
      "Publish the key with k=rsa or k=ed25519: receivers ignore keys of other types.",
      "RFC 6376 §3.6.1"),
  DKIM_KEY_NOT_FOR_EMAIL(Severity.HIGH,
      "Remove s= or include \"email\" or \"*\" in it: receivers must ignore this key for e-mail.",
      "RFC 6376 §3.6.1"),
  DKIM_KEY_PKCS1(Severity.LOW,
      "Republish the key as a SubjectPublicKeyInfo (the \"-----BEGIN PUBLIC KEY-----\" form, as in RFC"
          + " 6376 Appendix C): verifiers built on that form reject a bare RSAPublicKey.",
      "RFC 6376 §3.6.1, Appendix C"),
  DKIM_RECORD_INVALID(Severity.HIGH,
      "Correct the record's syntax: a key record that is no valid tag-list, has v= other than DKIM1 or"
          + " not first, or lacks p= is discarded by receivers.",
      "RFC 6376 §3.2, §3.6.1"),
  DKIM_MULTIPLE_RECORDS(Severity.MEDIUM,
      "Keep one TXT record at the selector: with several, receivers may pick any of them and results"
          + " are undefined.",
      "RFC 6376 §3.6.2.2");

  private final FindingDefinition definition;

  DkimFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }
}
