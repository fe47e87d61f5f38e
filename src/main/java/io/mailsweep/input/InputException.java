package io.mailsweep.input;

import java.io.IOException;

/**
 * The input file cannot be read as asked: missing, not a regular file, unreadable, the requested
 * column absent, or a record beyond the limits. The message is meant for the user as it stands.
 *
 * <p>An {@link IOException}, like the JDK's own {@code CharacterCodingException}: it is a problem
 * of reading a stream, and it lets {@link CsvDomainReader} be used with try-with-resources while
 * callers catch one type.
 */
public class InputException extends IOException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
