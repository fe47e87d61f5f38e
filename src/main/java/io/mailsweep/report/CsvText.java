package io.mailsweep.report;

/**
 * Makes a value safe for a CSV cell that a spreadsheet may open: characters XML cannot carry are
 * dropped as in the workbook ({@link SafeText#valid}), and a value that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so that
 * Excel and LibreOffice show it as text instead of evaluating it as a formula (OWASP, "CSV
 * Injection"). The quote is the only change; a reader that wants the stored text removes a leading
 * {@code '} from such cells.
 */
final class CsvText {

  private CsvText() {}

  /** The cell text for {@code value}; "" for null. */
  static String cell(String value) {
    String text = SafeText.valid(value);
    return startsLikeAFormula(text) ? "'" + text : text;
  }

  static boolean startsLikeAFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }
}
