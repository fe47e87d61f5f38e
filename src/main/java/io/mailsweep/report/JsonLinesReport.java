package io.mailsweep.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's results as JSON Lines (UTF-8, one JSON object per accepted input row and a newline after
 * each), in input order: {@link JsonDomain} gives the object's shape. The domains and the findings
 * are read window by window of input rows ({@link DomainLines}, {@link FindingCursor}) and merged,
 * so memory holds one window's findings and one domain at a time.
 */
final class JsonLinesReport {

  private static final JsonFactory JSON = new JsonFactory();

  private final JdbcTemplate jdbc;

  JsonLinesReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void write(RunInfo run, Path file) throws IOException {
    write(run, file, null);
  }

  /** As above, each domain with its verdict against {@code verdicts}' profile (null: none). */
  void write(RunInfo run, Path file, Verdicts verdicts) throws IOException {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      // Objects are separated by the newline written after each, not by Jackson's default space.
      json.setRootValueSeparator(null);
      writeDomains(run, json, new FindingCursor(jdbc, run.id()), verdicts);
    }
  }

  private void writeDomains(RunInfo run, JsonGenerator json, FindingCursor findings, Verdicts verdicts) {
    JsonDomain shape = new JsonDomain(run);
    DomainLines.each(jdbc, run.id(), true, line -> {
      try {
        List<FindingCursor.Finding> own = findings.take(line.inputRowId);
        if (verdicts == null) {
          shape.write(json, line, own);
        } else {
          shape.write(json, line, own, verdicts.profile().name(), verdicts.of(line.inputRowId));
        }
        json.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
