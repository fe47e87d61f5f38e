package io.mailsweep.net.smtp;

import java.net.InetSocketAddress;

/**
 * The only way checks reach SMTP servers: one bounded STARTTLS conversation (and, if configured,
 * the extra handshakes that test protocol versions and weak cipher suites) with one address. Never
 * sends mail. Blocks the calling thread for at most the configured total deadline and never
 * throws for anything the network or the server did: that is the result's {@link SmtpOutcome}.
 * Callers own the threads and the concurrency limits.
 */
public interface SmtpProbe {
  SmtpProbeResult probe(InetSocketAddress target);
}
