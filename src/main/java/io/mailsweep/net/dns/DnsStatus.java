package io.mailsweep.net.dns;

/** What a DNS question came back with, after the adapter's own retries. */
public enum DnsStatus {
  /** At least one record of the asked type. */
  ANSWER(true),
  /** The name exists but has no record of the asked type (RFC 2308 §2.2). */
  NODATA(true),
  /** The name does not exist (RCODE 3). */
  NXDOMAIN(true),
  /** RCODE 2: the resolver or the authority failed. */
  SERVFAIL(false),
  /** RCODE 5: the server refuses to answer. */
  REFUSED(false),
  /** No answer within the deadline, after all retries. */
  TIMEOUT(false),
  /** A malformed answer, a network error, or another RCODE. */
  ERROR(false),
  /**
   * SERVFAIL because DNSSEC validation failed (RFC 4035 §5.5): our validator found the answer
   * bogus, or a trusted validating resolver said so with an extended DNS error (RFC 8914 §4.7-4.13).
   * Not retried: the same signatures would fail again.
   */
  BOGUS(false),
  /**
   * NXDOMAIN or NODATA from a resolver that also denies the start-of-run canary name: it cannot
   * see the internet, so the denial is no evidence about the domain.
   */
  UNRELIABLE(false);

  private final boolean conclusive;

  DnsStatus(boolean conclusive) {
    this.conclusive = conclusive;
  }

  /** True for answers that say something about the name: ANSWER, NODATA and NXDOMAIN. */
  public boolean conclusive() {
    return conclusive;
  }

  /** True for failures worth asking again: SERVFAIL, TIMEOUT and ERROR. */
  public boolean transientFailure() {
    return this == SERVFAIL || this == TIMEOUT || this == ERROR;
  }
}
