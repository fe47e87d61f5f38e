package io.mailsweep.report;

import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.Status;
import io.mailsweep.policy.CheckFacts;
import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.Attributes;
import io.mailsweep.store.FactsRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One accepted input row with its domain result and check results, assembled from the consecutive
 * rows {@link DomainLines} returns for it. {@code overall} is null when the scan did not reach it.
 */
final class DomainLine {

  /**
   * One stored check result. {@code evidence} is null unless the query selected it.
   */
  record CheckCell(String name, String status, String summary, String reason, List<Attribute> attributes,
      String evidence) {
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
  final OffsetDateTime scannedAt;
  private final String domainReason;
  private final Map<String, CheckCell> checks = new LinkedHashMap<>();

  private DomainLine(ResultSet rs) throws SQLException {
    inputRowId = rs.getLong(1);
    lineNo = rs.getLong(2);
    domain = rs.getString(3);
    extras = rs.getString(4);
    overall = rs.getString(5);
    domainReason = rs.getString(6);
    scannedAt = rs.getObject(7, OffsetDateTime.class);
  }

  /** Starts the line for the input row the current result row belongs to. */
  static DomainLine start(ResultSet rs, boolean withEvidence) throws SQLException {
    DomainLine line = new DomainLine(rs);
    line.add(rs, withEvidence);
    return line;
  }

  boolean sameRow(ResultSet rs) throws SQLException {
    return rs.getLong(1) == inputRowId;
  }

  /** Adds the current result row's check result, if it has one. */
  void add(ResultSet rs, boolean withEvidence) throws SQLException {
    String name = rs.getString(8);
    if (name != null) {
      checks.put(key(name), new CheckCell(name, rs.getString(9), rs.getString(10), rs.getString(11),
          Attributes.decode(rs.getString(12)), withEvidence ? rs.getString(13) : null));
    }
  }

  /** The result of {@code checkName}, or null if there is none. */
  CheckCell check(String checkName) {
    return checks.get(key(checkName));
  }

  /** Every stored check result, in the order the scan stored them. */
  Collection<CheckCell> checks() {
    return checks.values();
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

  /**
   * This line as the facts the verdicts judge, given its findings' codes by check name; the same as
   * {@link FactsRepository#domains(long, io.mailsweep.store.RowWindows.Window)} reads for the row.
   */
  DomainFacts facts(Map<String, Set<String>> codes) {
    Map<String, CheckFacts> facts = new LinkedHashMap<>();
    for (CheckCell cell : checks.values()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (Attribute a : cell.attributes()) {
        attributes.putIfAbsent(a.name(), a.value());
      }
      Status status = FactsRepository.status(cell.status());
      facts.put(cell.name(), new CheckFacts(cell.name(), status == null ? Status.INCONCLUSIVE : status, cell.summary(),
          codes.getOrDefault(cell.name(), Set.of()), attributes));
    }
    return new DomainFacts(inputRowId, lineNo, domain, FactsRepository.status(overall), facts);
  }

  private static String key(String checkName) {
    return checkName.trim().toLowerCase(Locale.ROOT);
  }
}
