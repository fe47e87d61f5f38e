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
 * @param formats the report files to write, at least one
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
    Set<ReportFormat> formats) {

  /** A request for the workbook only. */
  public ScanRequest(String jobName, Path input, String column, Path outDir, ScanSettings settings, int partitions,
      int threads, int chunkSize) {
    this(jobName, input, column, outDir, settings, partitions, threads, chunkSize, EnumSet.of(ReportFormat.XLSX));
  }

  public ScanRequest {
    if (partitions < 1 || partitions > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024");
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64");
    }
    if (chunkSize < 1 || chunkSize > 100_000) {
      throw new IllegalArgumentException("chunk size must be between 1 and 100000");
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one report format is needed");
    }
    formats = Set.copyOf(formats);
  }
}
