package io.mailsweep.check.dmarc;

import io.mailsweep.check.Finding;

/**
 * Something wrong in a DMARC record's text, where it is.
 *
 * @param type the finding it becomes; {@link DmarcFinding#DMARC_INVALID} makes the record unusable
 * @param position the index in the record text where the offending tag starts
 */
public record DmarcProblem(DmarcFinding type, int position, String message) {
  public boolean fatal() {
    return type == DmarcFinding.DMARC_INVALID;
  }

  /** The finding, naming the DNS name the record was found at. */
  public Finding finding(String where) {
    return type.with(where + ": " + message + " (at character " + position + ")");
  }
}
