package io.mailsweep.check.e2ee;

import io.mailsweep.net.dns.DnsAnswer;

/**
 * What the lookups for one contact returned, unjudged.
 *
 * @param host the WKD host of the contact's domain
 * @param wkd the fetch of the contact's key URL; null when the domain has no WKD method
 * @param openpgpkey the OPENPGPKEY answer at {@code <hash>._openpgpkey.<domain>} (RFC 7929 §3)
 * @param smimea the SMIMEA answer at {@code <hash>._smimecert.<domain>} (RFC 8162 §3)
 */
public record ContactLookup(ContactAddress address, WkdHost host, WkdFetch wkd, DnsAnswer openpgpkey,
    DnsAnswer smimea) {}
