package io.mailsweep.report;

import java.util.ArrayList;
import java.util.List;

/** Collects one CSV record's cells through {@link CellSink}, each made safe by {@link CsvText}. */
final class CsvRow implements CellSink {

  private final List<String> cells = new ArrayList<>();

  @Override
  public CsvRow text(String text) {
    cells.add(CsvText.cell(text));
    return this;
  }

  @Override
  public CsvRow status(String statusName) {
    return text(statusName);
  }

  @Override
  public CsvRow number(long value) {
    cells.add(Long.toString(value));
    return this;
  }

  @Override
  public CsvRow skip() {
    cells.add("");
    return this;
  }

  List<String> cells() {
    return cells;
  }
}
