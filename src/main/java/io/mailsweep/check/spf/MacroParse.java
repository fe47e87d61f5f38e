package io.mailsweep.check.spf;

import java.util.List;

/** A macro-string split into its parts, or where and why it is not valid. */
public sealed interface MacroParse {
  record Valid(List<MacroPart> parts) implements MacroParse {
    public Valid {
      parts = List.copyOf(parts);
    }
  }

  /**
   * @param position the index in the macro-string of the offending character or macro
   */
  record Invalid(String message, int position) implements MacroParse {}
}
