package io.mailsweep.check;

import java.util.List;

/**
 * Settings of individual checks, fixed for a run.
 *
 * @param dkimSelectors selectors probed in addition to the shipped list (job files, --dkim-selectors)
 * @param dkimRsaMinBits RSA keys shorter than this fail (default 1024)
 * @param dkimRsaGoodBits RSA keys shorter than this warn (default 2048)
 * @param maxMxHosts MX hosts resolved per domain, by preference; more is a finding (default 10)
 * @param maxMxAddresses MX addresses probed per domain by the transport checks (default 20)
 * @param maxAccessHosts SRV targets followed per mail-access service (default 3)
 * @param maxAccessProbes mail-access addresses probed per domain (default 12)
 * @param guessAccessHosts whether the access check also tries the usual host names ({@code imap.},
 *     {@code mail.}, {@code smtp.}) of services without SRV records (default false)
 * @param contactColumn the input column holding contact addresses for the e2ee check (default
 *     {@code contact})
 * @param maxContacts contact addresses looked up per input row by the e2ee check (default 5)
 */
public record CheckOptions(List<String> dkimSelectors, int dkimRsaMinBits, int dkimRsaGoodBits, int maxMxHosts,
    int maxMxAddresses, int maxAccessHosts, int maxAccessProbes, boolean guessAccessHosts, String contactColumn,
    int maxContacts) {
  /** MX hosts resolved per domain by default: RFC 5321 sets no number; 10 matches RFC 7208 §4.6.4's MX cap. */
  public static final int MAX_MX_HOSTS = 10;
  /** MX addresses probed per domain by default (10 hosts with a few addresses each). */
  public static final int MAX_MX_ADDRESSES = 20;
  /** SRV targets followed per mail-access service by default: providers publish one, rarely two. */
  public static final int MAX_ACCESS_HOSTS = 3;
  /** Mail-access addresses probed per domain by default: six services, a v4 and a v6 address each. */
  public static final int MAX_ACCESS_PROBES = 12;
  /** The input column the e2ee check reads contact addresses from by default. */
  public static final String DEFAULT_CONTACT_COLUMN = "contact";
  /** Contact addresses looked up per input row by default. */
  public static final int MAX_CONTACTS = 5;
  public static final CheckOptions DEFAULTS = new CheckOptions(List.of(), 1024, 2048);

  public CheckOptions(List<String> dkimSelectors, int dkimRsaMinBits, int dkimRsaGoodBits) {
    this(dkimSelectors, dkimRsaMinBits, dkimRsaGoodBits, MAX_MX_HOSTS, MAX_MX_ADDRESSES);
  }

  public CheckOptions(List<String> dkimSelectors, int dkimRsaMinBits, int dkimRsaGoodBits, int maxMxHosts,
      int maxMxAddresses) {
    this(dkimSelectors, dkimRsaMinBits, dkimRsaGoodBits, maxMxHosts, maxMxAddresses, MAX_ACCESS_HOSTS,
        MAX_ACCESS_PROBES, false, DEFAULT_CONTACT_COLUMN, MAX_CONTACTS);
  }



  public CheckOptions {
    if (maxMxHosts < 1 || maxMxHosts > 100 || maxMxAddresses < 1 || maxMxAddresses > 1000) {
      throw new IllegalArgumentException("MX caps must be 1..100 hosts and 1..1000 addresses");
    }
    if (maxAccessHosts < 1 || maxAccessHosts > 20 || maxAccessProbes < 1 || maxAccessProbes > 200) {
      throw new IllegalArgumentException("mail-access caps must be 1..20 hosts per service and 1..200 probes");
    }
    if (contactColumn == null || contactColumn.isBlank()) {
      throw new IllegalArgumentException("the contact column needs a name");
    }
    if (maxContacts < 1 || maxContacts > 100) {
      throw new IllegalArgumentException("contacts per row must be 1..100");
    }
    dkimSelectors = List.copyOf(dkimSelectors);
    if (dkimRsaMinBits < 0 || dkimRsaGoodBits < dkimRsaMinBits) {
      throw new IllegalArgumentException("DKIM key thresholds must satisfy 0 <= min <= good");
    }
  }
}
