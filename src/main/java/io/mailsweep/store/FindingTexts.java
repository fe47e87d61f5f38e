package io.mailsweep.store;

import io.mailsweep.check.FindingCatalog;
import io.mailsweep.check.FindingDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The remediation and reference of each finding code as a run stored them once ({@code
 * finding_text}): a finding row whose texts are its run's leaves them NULL, and readers put them
 * back. A run created before the table existed has none, and its rows carry their texts.
 */
public final class FindingTexts {
  /** A code's remediation and reference. */
  private record Text(String remediation, String reference) {}

  private final Map<String, Text> byCode;

  private FindingTexts(Map<String, Text> byCode) {
    this.byCode = byCode;
  }

  /** Stores the catalogue's texts as run {@code runId}'s; once, when the run is created. */
  static void record(JdbcTemplate jdbc, long runId) {
    List<FindingDefinition> all = FindingCatalog.all();
    jdbc.batchUpdate("INSERT INTO finding_text (run_id, code, remediation, reference) VALUES (?,?,?,?)", all,
        all.size(), (ps, d) -> {
          ps.setLong(1, runId);
          ps.setString(2, d.code());
          ps.setString(3, d.remediation());
          ps.setString(4, d.reference());
        });
  }

  /** Run {@code runId}'s texts; none for a run stored before they were kept apart. */
  public static FindingTexts of(JdbcTemplate jdbc, long runId) {
    Map<String, Text> byCode = new HashMap<>();
    jdbc.query("SELECT code, remediation, reference FROM finding_text WHERE run_id = ?",
        rs -> {
          byCode.put(rs.getString(1), new Text(rs.getString(2), rs.getString(3)));
        }, runId);
    return new FindingTexts(byCode);
  }

  /** What a finding row stores for {@code remediation}: NULL when it is the run's for the code. */
  String storedRemediation(String code, String remediation) {
    return stored(code, remediation, Text::remediation);
  }

  /** What a finding row stores for {@code reference}: NULL when it is the run's for the code. */
  String storedReference(String code, String reference) {
    return stored(code, reference, Text::reference);
  }

  /** The remediation of a stored finding row: its own, else its run's for the code. */
  public String remediation(String code, String stored) {
    return restored(code, stored, Text::remediation);
  }

  /** The reference of a stored finding row: its own, else its run's for the code. */
  public String reference(String code, String stored) {
    return restored(code, stored, Text::reference);
  }

  private String stored(String code, String value, Function<Text, String> part) {
    Text run = byCode.get(code);
    return run != null && value != null && value.equals(part.apply(run)) ? null : value;
  }

  private String restored(String code, String stored, Function<Text, String> part) {
    Text run = byCode.get(code);
    return stored != null || run == null ? stored : part.apply(run);
  }
}
