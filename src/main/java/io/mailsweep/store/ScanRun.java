package io.mailsweep.store;

import java.time.Instant;

/** A row of {@code scan_run}: what was scanned, how, and when. */
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
    String reportFile) {}
