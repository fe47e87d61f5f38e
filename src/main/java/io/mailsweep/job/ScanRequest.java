package io.mailsweep.job;

import io.mailsweep.report.ReportFormat;
import io.mailsweep.scan.ScanSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * One scan as asked for on the command line or in a job file.
 *
 * @param column the input's domain column, or null to detect it
 * @param partitions how many ranges the scan step splits the domains into (grid size)
 * @param threads how many partitions run at once
 * @param chunkSize domains per chunk: read, scanned concurrently, then written in one transaction
 * @param reportName the workbook's file name pattern
 * @param formats the report files to write, at least one
 * @param profile the compliance profile the report judges by: a shipped name or a file path
 * @param domainsInFlight domains being scanned at once over the whole run, shared evenly by the
 *     partitions running at once; each partition keeps at least a chunk in flight
 */
public record ScanRequest(
    String jobName,
    Path input,
    String column,
    Path outDir,
    ScanSettings settings,
    int partitions,
    int threads,
    int chunkSize,
    ReportName reportName,
    Set<ReportFormat> formats,
    String profile,
    int domainsInFlight) {

  /** The profile a run uses unless told otherwise. */
  public static final String DEFAULT_PROFILE = "baseline";
  /** Domains in flight unless told otherwise. */
  public static final int DEFAULT_DOMAINS_IN_FLIGHT = 2_000;

  /** A request with the default number of domains in flight. */
  public ScanRequest(String jobName, Path input, String column, Path outDir, ScanSettings settings,
      int partitions, int threads, int chunkSize, ReportName reportName, Set<ReportFormat> formats,
      String profile) {
    this(jobName, input, column, outDir, settings, partitions, threads, chunkSize, reportName, formats,
        profile, DEFAULT_DOMAINS_IN_FLIGHT);
  }

  /** A request with the default report name, the workbook only and the default profile. */
  public ScanRequest(String jobName, Path input, String column, Path outDir, ScanSettings settings,
      int partitions, int threads, int chunkSize) {
    this(jobName, input, column, outDir, settings, partitions, threads, chunkSize, ReportName.DEFAULT,
        EnumSet.of(ReportFormat.XLSX), DEFAULT_PROFILE);
  }

  public ScanRequest {
    if (profile == null || profile.isBlank()) {
      profile = DEFAULT_PROFILE;
    }
    if (reportName == null) {
      reportName = ReportName.DEFAULT;
    }
    if (partitions < 1 || partitions > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64");
    }
    if (chunkSize < 1 || chunkSize > 100_000) {
      throw new IllegalArgumentException("chunk size must be between 1 and 100000");
    }
    if (domainsInFlight < 1 || domainsInFlight > 100_000) {
      throw new IllegalArgumentException("domains in flight must be between 1 and 100000");
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one report format is needed");
    }
    formats = Set.copyOf(formats);
  }

  /** Domains one partition keeps in flight: its share of {@link #domainsInFlight}, at least a chunk. */
  public int partitionWindow() {
    return Math.max(chunkSize, domainsInFlight / threads);
  }
}
