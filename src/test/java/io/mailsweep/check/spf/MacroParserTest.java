package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacroParserTest {
  @Test
  void splitsLiteralsEscapesAndMacros() {
    assertThat(MacroParser.parse("a%%b%_%-%{L2r-.}x", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Valid(List.of(
            new MacroPart.Literal("a"),
            new MacroPart.Escape("%%"),
            new MacroPart.Literal("b"),
            new MacroPart.Escape("%_"),
            new MacroPart.Escape("%-"),
            new MacroPart.Expand('l', true, 2, true, "-.", "%{L2r-.}"),
            new MacroPart.Literal("x"))));
  }

  @Test
  void expandsEscapesToPercentSpaceAndEncodedSpace() {
    assertThat(new MacroPart.Escape("%%").expansion()).isEqualTo("%");
    assertThat(new MacroPart.Escape("%_").expansion()).isEqualTo(" ");
    assertThat(new MacroPart.Escape("%-").expansion()).isEqualTo("%20");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%{s}", "%{l}", "%{o}", "%{d}", "%{i}", "%{p}", "%{h}", "%{v}",
      "%{S}%{L}%{O}%{D}%{I}%{P}%{H}%{V}", "%{d1}", "%{d10}", "%{d01}", "%{dr}", "%{dR}",
      "%{d2r}", "%{d.-+,/_=}", "%{d2r.-+,/_=}", "%{d99999999999}", "!\"#$&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~"})
  void acceptsDomainSpecMacroStrings(String text) {
    assertThat(MacroParser.parse(text, MacroScope.DOMAIN_SPEC)).as(text)
        .isInstanceOf(MacroParse.Valid.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "%{c}          | 0 | invalid macro '%{c}': %{c} is only allowed in explanation text (RFC 7208 §7.1)",
    "x.%{R}        | 2 | invalid macro '%{R}': %{r} is only allowed in explanation text (RFC 7208 §7.1)",
    "%{t}          | 0 | invalid macro '%{t}': %{t} is only allowed in explanation text (RFC 7208 §7.1)",
    "%{x}          | 0 | invalid macro '%{x}': unknown macro letter 'x'",
    "%{a}          | 0 | invalid macro '%{a}': unknown macro letter 'a'",
    "%{d0}         | 0 | invalid macro '%{d0}': the number of parts must be nonzero",
    "%{d00r}       | 0 | invalid macro '%{d00r}': the number of parts must be nonzero",
    "%{}           | 0 | invalid macro '%{}'",
    "%{dr2}        | 0 | invalid macro '%{dr2}'",
    "%{d:}         | 0 | invalid macro '%{d:}'",
    "%{ d}         | 0 | invalid macro '%{ d}'",
    "%{dd}         | 0 | invalid macro '%{dd}'",
    "ab%{d         | 2 | unterminated macro '%{d'",
    "%             | 0 | invalid macro '%' at the end (write %% for a percent sign)",
    "x%            | 1 | invalid macro '%' at the end (write %% for a percent sign)",
    "%(ir)         | 0 | invalid macro '%(' ('%' must be followed by '{', '%', '_' or '-')",
    "foo%.bar      | 3 | invalid macro '%.' ('%' must be followed by '{', '%', '_' or '-')",
    "%20           | 0 | invalid macro '%2' ('%' must be followed by '{', '%', '_' or '-')",
  })
  void rejectsOtherPercentUses(String text, int position, String message) {
    assertThat(MacroParser.parse(text, MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid(message, position));
  }

  @Test
  void rejectsCharactersOutsideMacroLiteral() {
    assertThat(MacroParser.parse("a b", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid("invalid character U+0020", 1));
    assertThat(MacroParser.parse("a\tb", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid("invalid character U+0009", 1));
    assertThat(MacroParser.parse("a\0", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid("invalid character U+0000", 1));
    assertThat(MacroParser.parse("\u007f", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid("invalid character U+007F", 0));
    assertThat(MacroParser.parse("caf\u00e9", MacroScope.DOMAIN_SPEC))
        .isEqualTo(new MacroParse.Invalid("invalid character U+00E9", 3));
  }

  @Test
  void explanationTextAllowsSpacesAndCrt() {
    String text = "Sender domain not allowed from this host. Please see"
        + " http://www.openspf.org/Why?s=mfrom&id=%{S}&ip=%{C}&r=%{R} at %{t}";
    assertThat(MacroParser.isValid(text, MacroScope.EXPLANATION)).isTrue();
    assertThat(MacroParser.isValid(text, MacroScope.DOMAIN_SPEC)).isFalse();
    assertThat(MacroParser.isValid("a\tb", MacroScope.EXPLANATION)).isFalse();
  }

  @Test
  void unknownModifierValuesUseTheFullAbnfLetterSetWithoutSpaces() {
    assertThat(MacroParser.isValid("%{c}%{r}%{t}", MacroScope.MODIFIER)).isTrue();
    assertThat(MacroParser.isValid("a b", MacroScope.MODIFIER)).isFalse();
    assertThat(MacroParser.isValid("%{x}", MacroScope.MODIFIER)).isFalse();
  }
}
