package io.mailsweep.check.bimi;

import io.mailsweep.check.Finding;

/**
 * Something wrong in a BIMI record's text, where it is.
 *
 * @param type the finding it becomes; {@link BimiFinding#BIMI_INVALID} makes the record unusable
 * @param position the index in the record text where the offending tag starts
 */
public record BimiProblem(BimiFinding type, int position, String message) {
  public boolean fatal() {
    return type == BimiFinding.BIMI_INVALID;
  }

  public Finding finding(String where) {
    return type.with(where + ": " + message + " (at character " + position + ")");
  }
}
