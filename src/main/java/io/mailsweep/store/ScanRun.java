package io.mailsweep.store;

import java.time.Instant;

/**
 * A row of {@code scan_run}: what was scanned, how, and when.
 *
 * @param counts the totals recorded when the run last finished (zeros before that)
 */
public record ScanRun(
    long id,
    String jobName,
    String inputFile,
    String inputSha256,
    String domainColumn,
    String resolvers,
    String checks,
    String parameters,
    String toolVersion,
    Instant startedAt,
    Instant finishedAt,
    String status,
    String resolverHealth,
    String reportFile,
    RunCounts counts) {}
