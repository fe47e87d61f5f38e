package io.mailsweep.report;

import io.mailsweep.scan.CheckCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the Domains table, shared by the worksheet and the CSV file: Line, Domain, the
 * carried input columns, with a profile the verdict, score, grade and one status per rule, Overall, then "CHECK", "CHECK detail" and the check's attribute columns
 * per check, then Reason.
 */
final class DomainColumns {

  static final String NOT_SCANNED = "not scanned";

  private final RunInfo run;
  private final Verdicts verdicts;

  DomainColumns(RunInfo run) {
    this(run, null);
  }

  /** @param verdicts the domains' verdicts against the run's profile, or null for none */
  DomainColumns(RunInfo run, Verdicts verdicts) {
    this.run = run;
    this.verdicts = verdicts;
  }

  List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Line", 8));
    columns.add(new Column("Domain", 40));
    run.extraColumns().forEach(name -> columns.add(Column.fitted(name, 14)));
    if (verdicts != null) {
      columns.add(Column.fitted("Verdict (" + verdicts.profile().name() + ")", 16));
      columns.add(Column.fitted("Score", 8));
      columns.add(Column.fitted("Grade", 8));
      verdicts.rules().forEach(rule -> columns.add(Column.fitted(rule.id(), 14)));
    }
    columns.add(Column.fitted("Overall", 16));
    for (String check : run.checks()) {
      columns.add(Column.fitted(RunInfo.checkHeader(check), 16));
      columns.add(new Column(RunInfo.checkHeader(check) + " detail", 50));
      CheckCatalog.attributes(check).forEach(name -> columns.add(Column.fitted(name, 16)));
    }
    columns.add(new Column("Reason", 60));
    return columns;
  }

  /** Writes {@code line}'s cells, one per column; a domain not scanned has "not scanned" as Overall. */
  void fill(DomainLine line, CellSink row) {
    row.number(line.lineNo).text(line.domain);
    extras(line, row);
    if (verdicts != null) {
      verdicts.fill(line.inputRowId, row);
    }
    if (line.overall == null) {
      row.text(NOT_SCANNED);
    } else {
      checks(line, row.status(line.overall)).text(line.reason(run.checks()));
    }
  }

  private void extras(DomainLine line, CellSink row) {
    List<String> values = run.extraColumns().isEmpty() ? List.of() : CsvRecord.parse(line.extras);
    for (int i = 0; i < run.extraColumns().size(); i++) {
      row.text(i < values.size() ? values.get(i) : null);
    }
  }

  private CellSink checks(DomainLine line, CellSink row) {
    for (String check : run.checks()) {
      DomainLine.CheckCell cell = line.check(check);
      List<String> attributes = CheckCatalog.attributes(check);
      if (cell == null) {
        row.skip().skip();
        attributes.forEach(name -> row.skip());
      } else {
        row.status(cell.status()).text(cell.summary());
        attributes.forEach(name -> row.text(cell.attribute(name)));
      }
    }
    return row;
  }
}
