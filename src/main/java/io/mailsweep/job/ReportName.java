package io.mailsweep.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbook's file name pattern ({@code --report-name}), e.g. {@code vendors-{date}-{run}.xlsx}:
 * {@code {job}} the job name (characters other than letters, digits, {@code . _ -} become
 * {@code _}), {@code {date}} {@code yyyy-MM-dd} and {@code {time}} {@code HHmmss}, both UTC when
 * the report is written, {@code {run}} the run id. A single file name ending {@code .xlsx}: no
 * folder, no characters Windows forbids in names, no leading dot.
 */
public record ReportName(String pattern) {
  private static final int MAX_LENGTH = 200;
  private static final int MAX_JOB_LENGTH = 64;
  private static final Set<String> TOKENS = Set.of("{job}", "{date}", "{time}", "{run}");
  private static final Pattern TOKEN = Pattern.compile("\\{[^{}]*}");
  private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\<>:\"|?*\\p{Cntrl}]");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  /** After the constants its constructor checks with. */
  public static final ReportName DEFAULT = new ReportName("mailsweep-report-{date}.xlsx");

  /** @throws IllegalArgumentException saying what is wrong with the pattern */
  public ReportName {
    if (pattern == null || pattern.isBlank() || pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a report name has 1 to " + MAX_LENGTH + " characters");
    }
    if (!pattern.endsWith(".xlsx") || pattern.length() == ".xlsx".length() || pattern.startsWith(".")) {
      throw new IllegalArgumentException("report name '" + pattern + "' must end with .xlsx and not start with a dot");
    }
    Matcher forbidden = FORBIDDEN.matcher(pattern);
    if (forbidden.find()) {
      throw new IllegalArgumentException("report name '" + pattern + "' is a file name, not a path: '"
          + forbidden.group() + "' is not allowed (the folder is --out)");
    }
    String rest = TOKEN.matcher(pattern).replaceAll(m -> {
      if (!TOKENS.contains(m.group())) {
        throw new IllegalArgumentException("report name '" + pattern + "': unknown token " + m.group()
            + "; the tokens are {job} {date} {time} {run}");
      }
      return "";
    });
    if (rest.contains("{") || rest.contains("}")) {
      throw new IllegalArgumentException("report name '" + pattern + "' has an unmatched brace");
    }
  }

  /** The file name for a run of this job whose report is written at {@code at}. */
  public String render(String jobName, Instant at, long runId) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return pattern.replace("{job}", safe(jobName)).replace("{date}", DATE.format(utc))
        .replace("{time}", TIME.format(utc)).replace("{run}", Long.toString(runId));
  }

  /** The name with {@code -run<ID>} before {@code .xlsx}: the file name when the plain one is taken. */
  public String renderUnique(String jobName, Instant at, long runId) {
    String plain = render(jobName, at, runId);
    return plain.substring(0, plain.length() - ".xlsx".length()) + "-run" + runId + ".xlsx";
  }

  private static String safe(String jobName) {
    String name = jobName == null || jobName.isBlank() ? "scan" : jobName;
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    safe = safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    return safe.length() > MAX_JOB_LENGTH ? safe.substring(0, MAX_JOB_LENGTH) : safe;
  }
}
