package io.mailsweep.cli;

/** A mistake in what the user asked for: reported in one line, exit code 2. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
