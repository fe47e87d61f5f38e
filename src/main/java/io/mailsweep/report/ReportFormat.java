package io.mailsweep.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files a run's report can be written as, by their {@code --format} names. */
public enum ReportFormat {
  /** The auditors' workbook. */
  XLSX,
  /** {@code NAME.csv}, one row per domain, and {@code NAME-findings.csv}, one row per finding. */
  CSV,
  /** {@code NAME.jsonl}: one JSON object per domain with its checks and findings. */
  JSONL;

  /** The name used on the command line and in job files. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The formats of a comma-separated list such as {@code xlsx,csv}; case and blanks are ignored.
   *
   * @throws IllegalArgumentException naming the known formats, for an unknown name or an empty list
   */
  public static Set<ReportFormat> parse(String commaSeparated) {
    Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
    for (String part : commaSeparated.split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      try {
        out.add(ReportFormat.valueOf(name));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException("unknown report format '" + part.trim() + "'; known formats: " + known());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no report format named; known formats: " + known());
    }
    return out;
  }

  /** The comma-separated names of {@code formats}, in declaration order. */
  public static String describe(Set<ReportFormat> formats) {
    return EnumSet.copyOf(formats).stream().map(ReportFormat::optionName).collect(Collectors.joining(","));
  }

  private static String known() {
    return EnumSet.allOf(ReportFormat.class).stream().map(ReportFormat::optionName).collect(Collectors.joining(", "));
  }
}
