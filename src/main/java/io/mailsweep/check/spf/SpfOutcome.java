package io.mailsweep.check.spf;

/**
 * What check_host() returned.
 *
 * @param explanation the expanded exp= text for a FAIL, else null (RFC 7208 §6.2)
 * @param problem why the result is PERMERROR or TEMPERROR, else null
 * @param dnsLookups terms evaluated that count against the limit of 10
 * @param voidLookups lookups that returned NXDOMAIN or no records
 */
public record SpfOutcome(
    SpfResult result, String explanation, String problem, int dnsLookups, int voidLookups) {}
