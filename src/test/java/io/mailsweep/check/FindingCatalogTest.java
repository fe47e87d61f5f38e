package io.mailsweep.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The explicit registry of finding enums names every enum the sources declare, and looks codes up. */
class FindingCatalogTest {

  /** Every class in the main sources that implements FindingType, found by reading them. */
  private static List<Class<?>> declared() throws Exception {
    List<Class<?>> out = new ArrayList<>();
    Path root = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (Files.readString(f).contains("implements FindingType")) {
          out.add(Class.forName(root.relativize(f).toString().replace(".java", "").replace('/', '.')));
        }
      }
    }
    return out;
  }

  @Test
  void theRegistryListsEveryEnumOfFindingKinds() throws Exception {
    List<Class<?>> declared = declared();
    assertThat(declared).hasSizeGreaterThanOrEqualTo(10);
    assertThat(FindingCatalog.enums()).containsExactlyInAnyOrderElementsOf(
        declared.stream().map(c -> c.asSubclass(FindingType.class)).toList());
  }

  @Test
  void everyCodeIsFoundInAnyCase() {
    int kinds = FindingCatalog.enums().stream().mapToInt(e -> e.getEnumConstants().length).sum();
    assertThat(FindingCatalog.all()).hasSize(kinds);
    assertThat(FindingCatalog.find("dmarc_missing")).get()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.HIGH))
        .satisfies(d -> assertThat(d.reference()).isEqualTo("RFC 7489 §6.1"));
    assertThat(FindingCatalog.find(" TLS_WEAK_CIPHER ")).isPresent();
    assertThat(FindingCatalog.find("tls-weak-cipher")).isPresent();
    assertThat(FindingCatalog.exists("NO_SUCH_CODE")).isFalse();
  }
}
