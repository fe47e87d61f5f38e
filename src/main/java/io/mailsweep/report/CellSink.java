package io.mailsweep.report;

/**
 * Receives one table row's cells left to right: a worksheet row ({@link RowCursor}) or a CSV
 * record. Null or empty text is an empty cell.
 */
interface CellSink {

  CellSink text(String text);

  /** A stored status name (a worksheet colours it). */
  CellSink status(String statusName);

  CellSink number(long value);

  /** An empty cell. */
  CellSink skip();
}
