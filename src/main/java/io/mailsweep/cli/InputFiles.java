package io.mailsweep.cli;

import io.mailsweep.input.CsvDomainReader;
import io.mailsweep.input.CsvLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Checks an input file before a run starts, so that a typo costs no job execution. */
final class InputFiles {
  private InputFiles() {}

  /** Opens the file as the import will, to check it exists and has the column. */
  static void check(Path input, String column) {
    check(input, column, null);
  }

  /**
   * As above, and when {@code contactColumn} is set, that the header names it too (any case): a
   * contact column named on purpose that the file does not have is a typo, not a list without
   * contacts.
   */
  static void check(Path input, String column, String contactColumn) {
    if (!Files.isRegularFile(input)) {
      throw new UserError("input file " + input + " does not exist or is not a file");
    }
    List<String> extras;
    try (CsvDomainReader reader = CsvDomainReader.open(input, column, CsvLimits.DEFAULTS)) {
      reader.domainColumnName();
      extras = reader.extraColumnNames();
    } catch (IOException | RuntimeException e) {
      throw new UserError(e.getMessage() == null ? "cannot read " + input : e.getMessage());
    }
    if (contactColumn != null && extras.stream().noneMatch(c -> c.trim().equalsIgnoreCase(contactColumn.trim()))) {
      throw new UserError("--contact-column: column '" + contactColumn + "' not found in the header of " + input
          + (extras.isEmpty() ? " (it has no column besides the domain)" : "; its other columns: "
              + String.join(", ", extras)));
    }
  }

  static String sha256(Path input) {
    try (InputStream in = Files.newInputStream(input)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UserError("cannot read " + input + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
