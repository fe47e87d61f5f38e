package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The workbook's fixed set of cell styles, created once per workbook. A workbook holds at most
 * 64,000 styles, so cells must share these rather than get one each.
 */
final class Palette {

  private final CellStyle title;
  private final CellStyle header;
  private final Map<Status, CellStyle> statuses = new EnumMap<>(Status.class);

  Palette(Workbook workbook) {
    title = boldStyle(workbook, (short) 14);
    header = boldStyle(workbook, (short) 11);
    statuses.put(Status.PASS, filled(workbook, 0xC6EFCE));
    statuses.put(Status.WARN, filled(workbook, 0xFFEB9C));
    statuses.put(Status.FAIL, filled(workbook, 0xFFC7CE));
    statuses.put(Status.INCONCLUSIVE, filled(workbook, 0xBDD7EE));
    statuses.put(Status.NOT_APPLICABLE, filled(workbook, 0xE7E6E6));
  }

  CellStyle title() {
    return title;
  }

  CellStyle header() {
    return header;
  }

  CellStyle status(Status status) {
    return statuses.get(status);
  }

  /** The style for a stored status name; null (the default style) for a name that is no status. */
  CellStyle status(String statusName) {
    Status status = StatusNames.parse(statusName);
    return status == null ? null : statuses.get(status);
  }

  private static CellStyle boldStyle(Workbook workbook, short points) {
    Font font = workbook.createFont();
    font.setBold(true);
    font.setFontHeightInPoints(points);
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }

  private static CellStyle filled(Workbook workbook, int rgb) {
    byte[] bytes = {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    CellStyle style = workbook.createCellStyle();
    style.setFillForegroundColor(new XSSFColor(bytes, new DefaultIndexedColorMap()));
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return style;
  }
}
