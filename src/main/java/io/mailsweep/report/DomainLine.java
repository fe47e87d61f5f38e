package io.mailsweep.report;

import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.store.Attributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One accepted input row with its domain result and check results, assembled from the consecutive
 * rows the Domains query returns for it. {@code overall} is null when the scan did not reach it.
 */
final class DomainLine {

  /** The Domains query's columns, in order; one row per (input row, check result). */
  static final String SELECT =
      "SELECT ir.id, ir.line_no, ir.domain, ir.extras, dr.status, dr.reason,"
          + " cr.check_name, cr.status, cr.summary, cr.reason, cr.attributes"
          + " FROM input_row ir"
          + " LEFT JOIN domain_result dr ON dr.input_row_id = ir.id"
          + " LEFT JOIN check_result cr ON cr.input_row_id = ir.id"
          + " WHERE ir.run_id = ? AND ir.disposition = 'ACCEPTED'"
          + " ORDER BY ir.id";

  record CheckCell(String status, String summary, String reason, List<Attribute> attributes) {
    /** The value of attribute {@code name}, or null. */
    String attribute(String name) {
      return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst().orElse(null);
    }
  }

  final long inputRowId;
  final long lineNo;
  final String domain;
  final String extras;
  final String overall;
  private final String domainReason;
  private final Map<String, CheckCell> checks = new HashMap<>();

  private DomainLine(ResultSet rs) throws SQLException {
    inputRowId = rs.getLong(1);
    lineNo = rs.getLong(2);
    domain = rs.getString(3);
    extras = rs.getString(4);
    overall = rs.getString(5);
    domainReason = rs.getString(6);
  }

  /** Starts the line for the input row the current result row belongs to. */
  static DomainLine start(ResultSet rs) throws SQLException {
    DomainLine line = new DomainLine(rs);
    line.add(rs);
    return line;
  }

  boolean sameRow(ResultSet rs) throws SQLException {
    return rs.getLong(1) == inputRowId;
  }

  /** Adds the current result row's check result, if it has one. */
  void add(ResultSet rs) throws SQLException {
    String name = rs.getString(7);
    if (name != null) {
      checks.put(key(name), new CheckCell(rs.getString(8), rs.getString(9), rs.getString(10),
          Attributes.decode(rs.getString(11))));
    }
  }

  /** The result of {@code checkName}, or null if there is none. */
  CheckCell check(String checkName) {
    return checks.get(key(checkName));
  }

  /** The domain's reason, else the reasons of its inconclusive checks in {@code order}, "; "-joined. */
  String reason(List<String> order) {
    if (domainReason != null && !domainReason.isBlank()) {
      return domainReason;
    }
    return order.stream()
        .map(checks::get)
        .filter(Objects::nonNull)
        .filter(cell -> "INCONCLUSIVE".equals(cell.status()) && cell.reason() != null)
        .map(CheckCell::reason)
        .collect(Collectors.joining("; "));
  }

  private static String key(String checkName) {
    return checkName.trim().toLowerCase(Locale.ROOT);
  }
}
