package io.mailsweep.report;

import io.mailsweep.check.Status;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The workbook's fixed set of cell styles, created once per workbook. A workbook holds at most
 * 64,000 styles, so cells must share these rather than get one each.
 */
final class Palette {

  private static final int PASS_RGB = 0xC6EFCE;
  private static final int WARN_RGB = 0xFFEB9C;
  private static final int FAIL_RGB = 0xFFC7CE;
  private static final int INCONCLUSIVE_RGB = 0xBDD7EE;
  private static final int NOT_APPLICABLE_RGB = 0xE7E6E6;

  private final CellStyle title;
  private final CellStyle header;
  private final CellStyle numberHeader;
  private final CellStyle number;
  private final CellStyle top;
  private final CellStyle wrapped;
  private final CellStyle link;
  private final CellStyle percent;
  private final Map<Status, CellStyle> statuses = new EnumMap<>(Status.class);

  Palette(Workbook workbook) {
    title = boldStyle(workbook, (short) 14);
    header = boldStyle(workbook, (short) 11);
    numberHeader = boldStyle(workbook, (short) 11);
    numberHeader.setAlignment(HorizontalAlignment.CENTER);
    number = workbook.createCellStyle();
    number.setAlignment(HorizontalAlignment.CENTER);
    number.setVerticalAlignment(VerticalAlignment.TOP);
    top = workbook.createCellStyle();
    top.setVerticalAlignment(VerticalAlignment.TOP);
    wrapped = workbook.createCellStyle();
    wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    wrapped.setWrapText(true);
    link = linkStyle(workbook);
    percent = workbook.createCellStyle();
    percent.setAlignment(HorizontalAlignment.CENTER);
    percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    for (Status status : Status.values()) {
      statuses.put(status, filled(workbook, status));
    }
  }

  CellStyle title() {
    return title;
  }

  CellStyle header() {
    return header;
  }

  /** The header of a column of numbers, centred over them. */
  CellStyle numberHeader() {
    return numberHeader;
  }

  /** Numbers centred (so that they stand apart from the text beside them), top-aligned. */
  CellStyle number() {
    return number;
  }

  /** Plain text at the top of its cell, for rows made tall by a wrapped neighbour. */
  CellStyle top() {
    return top;
  }

  /** Text wrapped within the column's width, top-aligned. */
  CellStyle wrapped() {
    return wrapped;
  }

  /** Blue underlined text, wrapped, for cells with a hyperlink. */
  CellStyle link() {
    return link;
  }

  /** A fraction shown as a percentage with one decimal. */
  CellStyle percent() {
    return percent;
  }

  CellStyle status(Status status) {
    return statuses.get(status);
  }

  /**
   * The style for a stored status name, or a compliance verdict (COMPLIANT as PASS, NON_COMPLIANT as
   * FAIL); null (the default style) for a name that is neither.
   */
  CellStyle status(String statusName) {
    Status status = "COMPLIANT".equals(statusName) ? Status.PASS
        : "NON_COMPLIANT".equals(statusName) ? Status.FAIL : StatusNames.parse(statusName);
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

  private static CellStyle linkStyle(Workbook workbook) {
    Font font = workbook.createFont();
    font.setUnderline(Font.U_SINGLE);
    font.setColor(IndexedColors.BLUE.getIndex());
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    style.setWrapText(true);
    return style;
  }

  /** Status fills are centred, and top-aligned so that they read level with wrapped text in the same row. */
  private static CellStyle filled(Workbook workbook, Status status) {
    CellStyle style = workbook.createCellStyle();
    style.setAlignment(HorizontalAlignment.CENTER);
    style.setFillForegroundColor(new XSSFColor(rgb(status), new DefaultIndexedColorMap()));
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    return style;
  }

  /** The fill colour of each status as RGB bytes, shared with the charts. */
  static byte[] rgb(Status status) {
    return rgb(switch (status) {
      case PASS -> PASS_RGB;
      case WARN -> WARN_RGB;
      case FAIL -> FAIL_RGB;
      case INCONCLUSIVE -> INCONCLUSIVE_RGB;
      case NOT_APPLICABLE -> NOT_APPLICABLE_RGB;
    });
  }

  private static byte[] rgb(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }
}
