package io.mailsweep.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a run's findings ordered by input row id alongside the domains, which come in the same
 * order, handing out each input row's findings when its domain is written: a merge of two sorted
 * streams, so only one domain's findings are in memory at a time.
 */
final class FindingCursor {

  /** The query the cursor reads: input row id first, ordered by it. */
  static final String SELECT = "SELECT input_row_id, check_name, code, severity, message, remediation, reference"
      + " FROM finding WHERE run_id = ? ORDER BY input_row_id, id";

  record Finding(String check, String code, String severity, String message, String remediation, String reference) {}

  private final ResultSet rows;
  private boolean more;

  FindingCursor(ResultSet rows) throws SQLException {
    this.rows = rows;
    this.more = rows.next();
  }

  /**
   * The findings of input row {@code inputRowId}, in id order. Ids must be asked in ascending order;
   * findings of rows never asked for are skipped.
   */
  List<Finding> take(long inputRowId) throws SQLException {
    while (more && rows.getLong(1) < inputRowId) {
      more = rows.next();
    }
    List<Finding> out = new ArrayList<>();
    while (more && rows.getLong(1) == inputRowId) {
      out.add(new Finding(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
          rows.getString(6), rows.getString(7)));
      more = rows.next();
    }
    return out;
  }
}
