package io.mailsweep.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files of one run's report, named from one base path without extension: {@code BASE.xlsx},
 * {@code BASE.csv} and {@code BASE-findings.csv}, {@code BASE.jsonl}.
 */
public record ReportFiles(Path base) {

  public Path workbook() {
    return sibling(".xlsx");
  }

  public Path domainsCsv() {
    return sibling(".csv");
  }

  public Path findingsCsv() {
    return sibling("-findings.csv");
  }

  public Path jsonLines() {
    return sibling(".jsonl");
  }

  /** The files {@code formats} produce, workbook first. */
  public List<Path> files(Set<ReportFormat> formats) {
    List<Path> out = new ArrayList<>();
    if (formats.contains(ReportFormat.XLSX)) {
      out.add(workbook());
    }
    if (formats.contains(ReportFormat.CSV)) {
      out.add(domainsCsv());
      out.add(findingsCsv());
    }
    if (formats.contains(ReportFormat.JSONL)) {
      out.add(jsonLines());
    }
    return out;
  }

  /** The file a run records as its report: the first of {@link #files}. */
  public Path main(Set<ReportFormat> formats) {
    return files(formats).get(0);
  }

  /** Whether any file {@code formats} would produce is already there. */
  public boolean anyExists(Set<ReportFormat> formats) {
    return files(formats).stream().anyMatch(Files::exists);
  }

  /** The report files a recorded main file belongs to (the inverse of {@link #main}). */
  public static ReportFiles ofMain(Path main) {
    String name = main.getFileName().toString();
    for (String suffix : List.of("-findings.csv", ".xlsx", ".csv", ".jsonl")) {
      if (name.endsWith(suffix)) {
        return new ReportFiles(main.resolveSibling(name.substring(0, name.length() - suffix.length())));
      }
    }
    return new ReportFiles(main);
  }

  private Path sibling(String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }
}
