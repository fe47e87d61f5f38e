package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidencePartsTest {

  @Test
  void shortEvidenceIsOnePartWithItsLinesInOrder() {
    List<EvidenceParts.Part> parts = EvidenceParts.of(List.of(";; a.test TXT: ANSWER", "a.test. 300 IN TXT \"v=spf1 -all\""));
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).text()).isEqualTo(";; a.test TXT: ANSWER\na.test. 300 IN TXT \"v=spf1 -all\"");
    assertThat(parts.get(0).visualLines()).isEqualTo(2);
    assertThat(parts.get(0).heightInPoints()).isEqualTo(30f);
  }

  @Test
  void noEvidenceIsOneEmptyPart() {
    assertThat(EvidenceParts.of(List.of())).containsExactly(new EvidenceParts.Part("", 1));
  }

  @Test
  void tallEvidenceBreaksBetweenLinesAndKeepsEveryCharacter() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("line " + i + " " + "x".repeat(150));
    }
    List<EvidenceParts.Part> parts = EvidenceParts.of(lines);
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(part -> {
      assertThat(part.visualLines()).isLessThanOrEqualTo(EvidenceParts.MAX_VISUAL_LINES);
      assertThat(part.text().length()).isLessThan(SafeText.MAX_CELL_CHARS);
      assertThat(part.text().chars().filter(c -> c == '\n').count()).isLessThan(253);
      assertThat(part.heightInPoints()).isLessThanOrEqualTo(409f);
    });
    List<String> back = new ArrayList<>();
    parts.forEach(part -> back.addAll(List.of(part.text().split("\n"))));
    assertThat(back).isEqualTo(lines);
  }

  @Test
  void aLineTallerThanAPartIsCutIntoPieces() {
    String huge = "v".repeat(EvidenceParts.WIDTH * EvidenceParts.MAX_VISUAL_LINES * 2 + 10);
    List<EvidenceParts.Part> parts = EvidenceParts.of(List.of("before", huge, "after"));
    assertThat(String.join("\n", parts.stream().map(EvidenceParts.Part::text).toList()))
        .isEqualTo("before\n" + huge.substring(0, 2600) + "\n" + huge.substring(2600, 5200) + "\n" + huge.substring(5200)
            + "\nafter");
    assertThat(parts).allSatisfy(part -> assertThat(part.visualLines()).isLessThanOrEqualTo(26));
  }

  @Test
  void manyShortLinesStayUnderExcelsLineFeedLimit() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add(";; " + i);
    }
    List<EvidenceParts.Part> parts = EvidenceParts.of(lines);
    assertThat(parts).hasSize((1000 + 25) / 26);
    assertThat(parts).allSatisfy(part -> assertThat(part.text().split("\n")).hasSizeLessThanOrEqualTo(26));
  }
}
