package io.mailsweep.check;

import java.util.List;

/**
 * Settings of individual checks, fixed for a run.
 *
 * @param dkimSelectors selectors probed in addition to the shipped list (job files, --dkim-selectors)
 * @param dkimRsaMinBits RSA keys shorter than this fail (default 1024)
 * @param dkimRsaGoodBits RSA keys shorter than this warn (default 2048)
 */
public record CheckOptions(List<String> dkimSelectors, int dkimRsaMinBits, int dkimRsaGoodBits) {
  public static final CheckOptions DEFAULTS = new CheckOptions(List.of(), 1024, 2048);

  public CheckOptions {
    dkimSelectors = List.copyOf(dkimSelectors);
    if (dkimRsaMinBits < 0 || dkimRsaGoodBits < dkimRsaMinBits) {
      throw new IllegalArgumentException("DKIM key thresholds must satisfy 0 <= min <= good");
    }
  }
}
