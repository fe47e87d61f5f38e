package io.mailsweep.check.dmarc;

import io.mailsweep.domain.DomainName;

/**
 * A well-formed {@code mailto:} report destination of rua= or ruf= (RFC 7489 §6.2).
 *
 * @param tag "rua" or "ruf"
 * @param text the URI as written, size limit included
 * @param address the decoded e-mail address
 * @param host the domain of the address: where reports go
 * @param sizeLimit the "!size" suffix as written (e.g. "10m"), or null
 */
public record ReportUri(String tag, String text, String address, DomainName host, String sizeLimit) {}
