package io.mailsweep.cli;

import io.mailsweep.net.smtp.LegacyTls;
import picocli.CommandLine;

/** Entry point of {@code java -jar mailsweep.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * dnsjava checks its timeouts once per selector period (default 1 s), far too coarse for
   * sub-second DNS timeouts; and a scan must never answer from /etc/hosts. Explicit -D settings
   * win.
   */
  static void configureDnsjava() {
    System.setProperty("dnsjava.nio.selector_timeout",
        System.getProperty("dnsjava.nio.selector_timeout", "50"));
    System.setProperty("dnsjava.lookup.use_hosts_file",
        System.getProperty("dnsjava.lookup.use_hosts_file", "false"));
  }

  /** Runs a command line and returns its exit code (tests call this in-process). */
  public static int run(String... args) {
    // Before anything loads TLS: the JDK reads its disabled-algorithm list once (see LegacyTls).
    LegacyTls.enable();
    configureDnsjava();
    CommandLine cli = new CommandLine(new MailsweepCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
