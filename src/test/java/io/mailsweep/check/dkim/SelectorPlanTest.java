package io.mailsweep.check.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.domain.DomainName;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which names are asked for, in which order, and the shipped catalogue. */
class SelectorPlanTest {
  private static final DomainName DOMAIN = DomainName.of("example.test");

  @Test
  void disclosedThenJobThenCatalogueEachOnce() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.of("Vendor1, google;s2  vendor1"),
        List.of("jobsel", "google"), List.of("google", "selector1", "s2"));
    assertThat(plan.probes()).extracting(p -> p.selector().name())
        .containsExactly("vendor1", "google", "s2", "jobsel", "selector1");
    assertThat(plan.probes()).extracting(p -> p.selector().source()).containsExactly(
        Selector.Source.DISCLOSED, Selector.Source.DISCLOSED, Selector.Source.DISCLOSED, Selector.Source.JOB,
        Selector.Source.CATALOGUE);
    assertThat(plan.probes().get(0).name()).isEqualTo(DomainName.of("vendor1._domainkey.example.test"));
    assertThat(plan.rejected()).isEmpty();
  }

  @Test
  void entriesThatAreNoSelectorAreRejectedWithTheReason() {
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.of("s1._domainkey.example.test, bad..dots, ok, sp@m"),
        List.of(), List.of());
    assertThat(plan.probes()).extracting(p -> p.selector().name()).containsExactly("ok");
    assertThat(plan.rejected()).extracting(SelectorPlan.Rejected::text)
        .containsExactly("s1._domainkey.example.test", "bad..dots", "sp@m");
    assertThat(plan.rejected().get(0).reason()).contains("DNS name");
    assertThat(plan.rejected().get(1).reason()).contains("RFC 6376 §3.1");
  }

  @Test
  void aCellCannotAskForMoreThanTheLimit() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < SelectorPlan.MAX_DISCLOSED + 3; i++) {
      many.add("v" + i);
    }
    SelectorPlan plan = SelectorPlan.of(DOMAIN, Optional.of(String.join(" ", many)), List.of(), List.of());
    assertThat(plan.probes()).hasSize(SelectorPlan.MAX_DISCLOSED);
    assertThat(plan.rejected()).hasSize(3).allMatch(r -> r.reason().contains("limit"));
  }

  @Test
  void selectorsThatWouldMakeTheNameTooLongAreSkipped() {
    String label = "a".repeat(63);
    DomainName longDomain = DomainName.of(label + "." + label + "." + label + "." + "b".repeat(34) + ".test");
    SelectorPlan plan =
        SelectorPlan.of(longDomain, Optional.empty(), List.of(), List.of("s1", "a-much-longer-selector"));
    assertThat(plan.probes()).extracting(p -> p.selector().name()).containsExactly("s1");
    assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("longer than"));
  }

  @Test
  void theShippedCatalogueHasTheDocumentedVendorsAndOnlyValidSelectors() {
    List<String> shipped = SelectorCatalogue.shipped();
    assertThat(shipped).contains("google", "selector1", "selector2", "k1", "k2", "k3", "mandrill", "s1", "s2",
        "smtpapi", "mx", "krs", "pic", "smtp", "zoho", "zmail", "protonmail", "protonmail2", "protonmail3", "fm1",
        "fm2", "fm3", "default", "dkim", "mail", "selector");
    assertThat(shipped).doesNotHaveDuplicates().allMatch(s -> Selector.problem(s) == null);
    assertThat(shipped).hasSizeBetween(30, 60);
  }

  @Test
  void aBadCatalogueLineIsAScannerBugNamedByLine() {
    String text = "# comment\ngoogle  # trailing comment\n\nnot a selector\n";
    assertThatThrownBy(() -> SelectorCatalogue.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 4");
  }
}
