package io.mailsweep.check.spf;

/**
 * The processing limits of RFC 7208 §4.6.4.
 *
 * @param dnsLookups terms that cause DNS queries (include, a, mx, ptr, exists, redirect): 10
 * @param voidLookups queries answered NXDOMAIN or with no records: 2
 * @param mxNames MX host names looked up for one mx mechanism: 10
 * @param ptrNames PTR names validated for one ptr mechanism or %{p} macro: 10
 */
public record SpfLimits(int dnsLookups, int voidLookups, int mxNames, int ptrNames) {
  public static final SpfLimits RFC_7208 = new SpfLimits(10, 2, 10, 10);
}
