package io.mailsweep.scan;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.access.AccessProber;
import io.mailsweep.check.transport.CertificateEvaluator;
import io.mailsweep.check.transport.MxProber;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.https.PolicyFetcher;
import java.time.Clock;

/**
 * What the run gives its checks: the ports they may use and their settings. {@code prober},
 * {@code certificates}, {@code fetcher} and {@code guard} (and a validating {@code dnssec} stack)
 * exist only in runs with a check that contacts servers; otherwise they are null and {@code
 * dnssec} is the run's DNS, since no check of the run uses them.
 *
 * @param dns the run's DNS (retries, cache, canary guard)
 * @param dnssec DNS whose answers carry DNSSEC authentication, for DANE
 * @param dnssecConfigured whether {@code dnssec} can authenticate at all (a trust anchor, or a
 *     trusted resolver's AD bit); without, DANE cannot be judged
 * @param prober the run-wide MX prober (one probe per address)
 * @param accessProber the run-wide mail-access prober (one probe per host, address, port and service)
 * @param guard decides which addresses may be contacted
 * @param httpsPort the port MTA-STS policies are fetched from
 * @param smtpPort the port MX hosts are probed on, also the TLSA port (RFC 7672 §2.2.2)
 */
public record CheckContext(
    Dns dns,
    Dns dnssec,
    CheckOptions options,
    MxProber prober,
    AccessProber accessProber,
    CertificateEvaluator certificates,
    PolicyFetcher fetcher,
    TargetGuard guard,
    Clock clock,
    int httpsPort,
    int smtpPort,
    boolean dnssecConfigured) {}
