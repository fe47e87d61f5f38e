package io.mailsweep.check.dkim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped list of common selectors, {@value #RESOURCE}: one selector per line, {@code #}
 * starts a comment. Provenance is in the file and in the README beside it.
 */
public final class SelectorCatalogue {
  public static final String RESOURCE = "/dkim/selectors.txt";

  private SelectorCatalogue() {}

  /** The shipped selectors, in file order, without duplicates. */
  public static List<String> shipped() {
    return Holder.SHIPPED;
  }

  /**
   * Reads a catalogue.
   *
   * @throws IllegalStateException naming the line, for a line that is no selector: the catalogue
   *     is part of the build, so a bad line is a bug of the scanner
   */
  static List<String> read(InputStream in) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      int hash = line.indexOf('#');
      String text = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (text.isEmpty()) {
        continue;
      }
      String problem = Selector.problem(text);
      if (problem != null) {
        throw new IllegalStateException(RESOURCE + " line " + lineNo + ": '" + text + "' " + problem);
      }
      out.add(new Selector(text, Selector.Source.CATALOGUE).name());
    }
    return List.copyOf(out);
  }

  private static final class Holder {
    static final List<String> SHIPPED = load();

    private static List<String> load() {
      try (InputStream in = SelectorCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
