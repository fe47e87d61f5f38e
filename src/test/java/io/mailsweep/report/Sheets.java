package io.mailsweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading a written workbook back in tests: cells as text, rows by label. */
final class Sheets {

  private Sheets() {}

  static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  /** A cell as shown: numbers without decimals, text as stored, "" for none. */
  static String text(Row row, int column) {
    Cell cell = row == null ? null : row.getCell(column);
    if (cell == null) {
      return "";
    }
    return cell.getCellType() == CellType.NUMERIC
        ? String.valueOf((long) cell.getNumericCellValue())
        : cell.getStringCellValue();
  }

  static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int column = 0; column < row.getLastCellNum(); column++) {
      texts.add(text(row, column));
    }
    return texts;
  }

  /** Every row of {@code sheet}, header included, as texts. */
  static List<List<String>> rows(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    for (int row = 0; row <= sheet.getLastRowNum(); row++) {
      rows.add(sheet.getRow(row) == null ? List.of() : texts(sheet.getRow(row)));
    }
    return rows;
  }

  static Row rowStartingWith(Sheet sheet, String label) {
    for (Row row : sheet) {
      if (label.equals(text(row, 0))) {
        return row;
      }
    }
    throw new AssertionError("no row labelled " + label + " on " + sheet.getSheetName());
  }

  static List<Cell> allCells(XSSFWorkbook book) {
    List<Cell> cells = new ArrayList<>();
    book.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
    return cells;
  }
}
