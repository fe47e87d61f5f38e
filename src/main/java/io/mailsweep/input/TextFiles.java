package io.mailsweep.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens input files as UTF-8 text, turning the user's mistakes into {@link InputException}s. */
final class TextFiles {
  private static final char BOM = '\uFEFF';
  private static final int BUFFER = 64 * 1024;

  private TextFiles() {}

  /**
   * Opens {@code file} for reading as UTF-8. Malformed byte sequences decode to U+FFFD instead of
   * failing, so one bad value costs its row, not the file.
   */
  static BufferedReader openUtf8(Path file) throws InputException {
    if (!Files.exists(file)) {
      throw new InputException("file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException("not a regular file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new InputException("file is not readable: " + file);
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), BUFFER);
    } catch (IOException e) {
      throw new InputException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Consumes a leading byte order mark, if there is one. */
  static void skipBom(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != BOM) {
      in.reset();
    }
  }
}
