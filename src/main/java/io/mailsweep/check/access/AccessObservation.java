package io.mailsweep.check.access;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.access.AccessProbeResult;

/**
 * One address of one published mail-access host: probed, or deliberately not contacted.
 *
 * @param skipped why no connection was made (the target guard's reason); null when {@code result} is set
 * @param result the probe's result; null when skipped
 */
public record AccessObservation(
    DomainName host, String address, int port, AccessService service, String skipped, AccessProbeResult result) {

  public static AccessObservation skipped(DomainName host, String address, int port, AccessService service,
      String why) {
    return new AccessObservation(host, address, port, service, why, null);
  }

  public boolean probed() {
    return result != null;
  }
}
