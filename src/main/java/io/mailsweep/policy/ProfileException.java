package io.mailsweep.policy;

/**
 * A profile that cannot be used: not found, not valid YAML, or a rule that breaks the rule
 * language. The message names the file, the rule and the problem in one line; the command line
 * reports it like any other mistake in what the user asked for (exit code 2).
 */
public class ProfileException extends IllegalArgumentException {
  public ProfileException(String message) {
    super(message);
  }
}
