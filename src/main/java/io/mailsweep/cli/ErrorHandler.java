package io.mailsweep.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on standard error instead of a stack trace. User mistakes
 * ({@link UserError}, bad arguments) exit with {@link ExitCodes#USAGE}; anything else is a fault
 * of the run and exits with {@link ExitCodes#FAILED}. {@code MAILSWEEP_DEBUG=1} adds the trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    boolean user = e instanceof UserError || e instanceof IllegalArgumentException;
    cli.getErr().println("mailsweep: " + (user ? "" : "error: ") + message(e));
    if (System.getenv("MAILSWEEP_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return user ? ExitCodes.USAGE : ExitCodes.FAILED;
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
