package io.mailsweep.net.tls;

import java.nio.file.Path;

/**
 * A {@code --trust-ca} file cannot be used: missing, unreadable, empty, too large, or without a
 * readable certificate. The message is one line for the user: the file, then the problem.
 */
public class TrustMaterialException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  public TrustMaterialException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.problem = problem;
  }

  public TrustMaterialException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** The problem alone, without the file name. */
  public String problem() {
    return problem;
  }
}
