package io.mailsweep.cli;

/** The process exit codes; the README's table lists the same. */
public final class ExitCodes {
  /** The run completed and every domain got a conclusive result. */
  public static final int OK = 0;
  /** The job failed (database, file system, a fault of the scanner); the run can be restarted. */
  public static final int FAILED = 1;
  /** Bad command line, job file or input file: nothing was scanned. */
  public static final int USAGE = 2;
  /** The run completed, but some domains are inconclusive (DNS failures, a blind resolver). */
  public static final int INCONCLUSIVE = 3;

  private ExitCodes() {}
}
