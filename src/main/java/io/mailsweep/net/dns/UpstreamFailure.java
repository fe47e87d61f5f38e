package io.mailsweep.net.dns;

import org.xbill.DNS.Rcode;

/**
 * The resolver answered our own question with an error RCODE. Raised only by {@link UpstreamGate},
 * so that the validator does not take a resolver's SERVFAIL for a DNSSEC failure.
 */
final class UpstreamFailure extends Exception {
  private final int rcode;

  UpstreamFailure(int rcode) {
    super(Rcode.string(rcode), null, false, false);
    this.rcode = rcode;
  }

  int rcode() {
    return rcode;
  }
}
