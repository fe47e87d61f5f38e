package io.mailsweep.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding any check can raise has a stable unique code, a remediation text and a reference,
 * and is listed in the README's findings table, where auditors and profile authors look it up.
 */
class FindingCatalogueTest {

  /** Every enum of finding kinds in the main sources, found by reading them. */
  private static List<FindingType> allKinds() throws Exception {
    List<FindingType> out = new ArrayList<>();
    Path root = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (Files.readString(f).contains("implements FindingType")) {
          String name = root.relativize(f).toString().replace(".java", "").replace('/', '.');
          for (Object kind : Class.forName(name).getEnumConstants()) {
            out.add((FindingType) kind);
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyFindingIsDefinedCompletelyAndOnce() throws Exception {
    List<FindingType> kinds = allKinds();
    assertThat(kinds).hasSizeGreaterThan(100);
    Set<String> codes = new HashSet<>();
    for (FindingType kind : kinds) {
      FindingDefinition d = kind.definition();
      assertThat(codes.add(d.code())).as("code %s defined once", d.code()).isTrue();
      assertThat(d.code()).matches("[A-Z][A-Z0-9_]+");
      assertThat(d.severity()).isNotNull();
      assertThat(d.remediation()).as("remediation of %s", d.code()).hasSizeGreaterThan(20);
      assertThat(d.reference()).as("reference of %s", d.code()).isNotBlank();
    }
  }

  @Test
  void everyFindingIsInTheReadmeTable() throws Exception {
    String readme = readme();
    for (FindingType kind : allKinds()) {
      assertThat(readme).as("README lists %s", kind.definition().code())
          .contains("| `" + kind.definition().code() + "` |");
    }
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }
}
