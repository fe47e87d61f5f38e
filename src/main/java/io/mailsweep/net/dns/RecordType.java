package io.mailsweep.net.dns;

/** The record types the checks ask for; the adapter maps them to wire values. */
public enum RecordType {
  A(1),
  NS(2),
  CNAME(5),
  SOA(6),
  PTR(12),
  MX(15),
  TXT(16),
  AAAA(28),
  SRV(33),
  TLSA(52),
  /** S/MIME certificate association (RFC 8162 §2). */
  SMIMEA(53),
  /** OpenPGP public key (RFC 7929 §2). */
  OPENPGPKEY(61),
  /** The obsolete SPF RR type (RFC 7208 §3.1 says it must not be used; scanners report it). */
  SPF(99),
  CAA(257);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
