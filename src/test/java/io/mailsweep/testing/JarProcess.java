package io.mailsweep.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code target/mailsweep.jar}, built by {@code mvn package}) run as a child
 * process by the current JVM's {@code java}, its standard output and error in one log file. Every
 * wait is bounded; a process still running when a wait runs out, or when it is closed, is killed.
 */
public final class JarProcess implements AutoCloseable {
  private static final Pattern PROGRESS = Pattern.compile("scan: ([\\d,]+)/");
  private static final Duration POLL = Duration.ofMillis(20);

  private final Process process;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Runs {@code mailsweep ARGS} with a 256 MiB heap. */
  public static JarProcess start(Path log, String... args) throws IOException {
    return start(log, List.of("-Xmx256m"), args);
  }

  /** Runs {@code mailsweep ARGS} with {@code jvmOptions} before {@code -jar}. */
  public static JarProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
    return start(log, jvmOptions, Map.of(), args);
  }

  /** Runs {@code mailsweep ARGS} with {@code jvmOptions} and {@code environment} added to this one's. */
  public static JarProcess start(Path log, List<String> jvmOptions, Map<String, String> environment, String... args)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Ddnsjava.nio.selector_timeout=50"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", Path.of("target/mailsweep.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new JarProcess(process, log);
  }

  /**
   * Waits until the scan's progress line shows at least {@code atLeast} domains and returns the
   * count shown.
   *
   * @throws AssertionError if the process ends first, or {@code timeout} passes (the process is
   *     then killed), with the log
   */
  public long waitForProgress(long atLeast, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("ended before " + atLeast + " domains were scanned: " + output());
      }
      long shown = lastProgress();
      if (shown >= atLeast) {
        return shown;
      }
      Thread.sleep(POLL.toMillis());
    }
    kill();
    throw new AssertionError("no progress to " + atLeast + " domains within " + timeout + ": " + output());
  }

  /** Waits for the process to end and returns its exit code; kills it and fails after {@code timeout}. */
  public int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("still running after " + timeout + ": " + output());
    }
    return process.exitValue();
  }

  /** SIGKILL, as {@code kill -9} or a power cut would end it; returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
    }
  }

  /** SIGTERM, as a service manager stops it; {@link #await} then waits for it to end. */
  public void terminate() {
    process.destroy();
  }

  /** Kills the process if it is still running, as a test that failed half-way leaves it. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** Everything the process wrote so far. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long lastProgress() {
    Matcher m = PROGRESS.matcher(output());
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1).replace(",", ""));
    }
    return last;
  }
}
