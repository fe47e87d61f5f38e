package io.mailsweep.check.e2ee;

/** The ways a sender can discover a contact's encryption key, in the order reports name them. */
public enum KeyMethod {
  /** OpenPGP key over HTTPS (draft-koch-openpgp-webkey-service §3.1). */
  WKD,
  /** OpenPGP key in DNS (RFC 7929). */
  OPENPGPKEY,
  /** S/MIME certificate association in DNS (RFC 8162). */
  SMIMEA
}
