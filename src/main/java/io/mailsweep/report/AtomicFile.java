package io.mailsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a report file so that it appears at its target only when complete: the content goes to a
 * hidden file beside the target, which is then moved into place atomically, replacing any earlier
 * file. The temporary file is created like any file the user writes (umask permissions), unlike
 * {@code Files.createTempFile}'s 0600: reports are meant to be shared.
 */
final class AtomicFile {

  /** Writes the content into a new file at the given path. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path file) throws IOException;
  }

  private AtomicFile() {}

  /**
   * @throws UncheckedIOException if the file cannot be written; {@code target} is then untouched
   */
  static void write(Path target, Content content) {
    Path destination = target.toAbsolutePath();
    try {
      Path temp = destination.resolveSibling("." + destination.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        content.writeTo(temp);
        Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report to " + destination, e);
    }
  }
}
