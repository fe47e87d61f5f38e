package io.mailsweep.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * What a run's report says, read back from its folder ({@code --format xlsx,csv,jsonl}) as lines
 * per part, with only what differs between two runs of the same world masked: the run id and scan
 * times of the JSON Lines, and the random DKIM selector each domain is asked for (so that no zone
 * can publish it). File names, which carry the date, are not compared. The workbook's Domains and
 * Findings sheets are streamed, one line per row, each cell with its reference.
 */
final class ReportContents {
  /** What may differ, and what it is replaced with. DkimCheck's random selectors are "ms-" and 16 hex digits. */
  private static final List<Mask> MASKS = List.of(
      new Mask("\"run_id\":", Pattern.compile("\"run_id\":\\d+"), "\"run_id\":#"),
      new Mask("\"scanned_at\":", Pattern.compile("\"scanned_at\":\"[^\"]*\""), "\"scanned_at\":#"),
      new Mask("ms-", Pattern.compile("\\bms-[0-9a-f]{16}\\b"), "ms-#"));
  private static final List<String> SHEETS = List.of("Domains", "Findings");

  private static final int SHOWN = 3;
  private static final int CONTEXT = 80;

  private final Map<String, List<String>> parts = new LinkedHashMap<>();

  private ReportContents() {}

  static ReportContents read(Path dir) throws Exception {
    ReportContents report = new ReportContents();
    report.parts.put("domains CSV", lines(only(dir, n -> n.endsWith(".csv") && !n.endsWith("-findings.csv"))));
    report.parts.put("findings CSV", lines(only(dir, n -> n.endsWith("-findings.csv"))));
    report.parts.put("JSON Lines", lines(only(dir, n -> n.endsWith(".jsonl"))));
    Map<String, List<String>> sheets = sheets(only(dir, n -> n.endsWith(".xlsx")));
    SHEETS.forEach(name -> report.parts.put(name + " sheet", sheets.get(name)));
    return report;
  }

  /** Lines of each part. */
  Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    parts.forEach((name, lines) -> sizes.put(name, lines.size()));
    return sizes;
  }

  /**
   * Per part that differs, how many lines differ and the first few of them around where they part;
   * empty if {@code other} says the same.
   */
  List<String> differences(ReportContents other) {
    List<String> out = new ArrayList<>();
    parts.forEach((name, expected) -> {
      List<String> actual = other.parts.get(name);
      List<String> shown = new ArrayList<>();
      int differing = 0;
      for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
        String a = i < expected.size() ? expected.get(i) : "(no line)";
        String b = i < actual.size() ? actual.get(i) : "(no line)";
        if (!a.equals(b) && differing++ < SHOWN) {
          shown.add("  line " + (i + 1) + ": expected " + around(a, b) + "\n          but was  " + around(b, a));
        }
      }
      if (differing > 0) {
        out.add(name + ": " + differing + " of " + expected.size() + " lines differ\n" + String.join("\n", shown));
      }
    });
    return out;
  }

  /** {@code line} from shortly before where it first differs from {@code other}. */
  private static String around(String line, String other) {
    int at = 0;
    while (at < line.length() && at < other.length() && line.charAt(at) == other.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - CONTEXT);
    return (from > 0 ? "..." : "") + line.substring(from, Math.min(line.length(), at + 2 * CONTEXT))
        + (at + 2 * CONTEXT < line.length() ? "..." : "");
  }

  private static Path only(Path dir, Predicate<String> name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> name.test(p.getFileName().toString())).toList();
      if (found.size() != 1) {
        throw new AssertionError("expected one such report file in " + dir + ", found " + found);
      }
      return found.get(0);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(ReportContents::masked).toList();
  }

  private static String masked(String line) {
    String out = line;
    for (Mask mask : MASKS) {
      if (out.contains(mask.literal())) {
        out = mask.pattern().matcher(out).replaceAll(mask.replacement());
      }
    }
    return out;
  }

  /** The {@link #SHEETS}' rows; styles are not read, so numbers come as stored. */
  private static Map<String, List<String>> sheets(Path workbook) throws Exception {
    Map<String, List<String>> found = new HashMap<>();
    try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (SHEETS.contains(sheets.getSheetName())) {
            Rows rows = new Rows();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(null, strings, rows, new DataFormatter(), false));
            parser.parse(new InputSource(in));
            found.put(sheets.getSheetName(), rows.lines);
          }
        }
      }
    }
    if (!found.keySet().containsAll(SHEETS)) {
      throw new AssertionError("sheets " + SHEETS + " expected in " + workbook + ", found " + found.keySet());
    }
    return found;
  }

  private record Mask(String literal, Pattern pattern, String replacement) {}

  /** Each row as one line of {@code REF=text} cells, tab-separated. */
  private static final class Rows implements SheetContentsHandler {
    private final List<String> lines = new ArrayList<>();
    private StringBuilder row;

    @Override
    public void startRow(int rowNum) {
      row = new StringBuilder();
    }

    @Override
    public void endRow(int rowNum) {
      lines.add(masked(row.toString()));
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      row.append(reference).append('=').append(formattedValue).append('\t');
    }
  }
}
