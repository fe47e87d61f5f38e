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

/** Checks an input file before a run starts, so that a typo costs no job execution. */
final class InputFiles {
  private InputFiles() {}

  /** Opens the file as the import will, to check it exists and has the column. */
  static void check(Path input, String column) {
    if (!Files.isRegularFile(input)) {
      throw new UserError("input file " + input + " does not exist or is not a file");
    }
    try (CsvDomainReader reader = CsvDomainReader.open(input, column, CsvLimits.DEFAULTS)) {
      reader.domainColumnName();
    } catch (IOException | RuntimeException e) {
      throw new UserError(e.getMessage() == null ? "cannot read " + input : e.getMessage());
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
