package io.mailsweep.history;

import io.mailsweep.scan.CheckCatalog;
import java.util.List;

/** Checks in the catalogue's order (spf, dmarc, ...), so changes list as the workbook's columns do. */
final class CheckOrder {
  private static final List<String> NAMES = CheckCatalog.names();

  private CheckOrder() {}

  /** -1 for no check, the catalogue position for a known one, after all of them for others. */
  static int rank(String check) {
    if (check == null) {
      return -1;
    }
    int i = NAMES.indexOf(check);
    return i < 0 ? NAMES.size() : i;
  }
}
