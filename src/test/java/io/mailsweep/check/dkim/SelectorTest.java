package io.mailsweep.check.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SelectorTest {
  /** RFC 6376 §3.1's selector syntax, with the underscore, as a pattern: the reference. */
  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9_-]{1,63}(\\.[a-z0-9_-]{1,63})*");

  @Test
  void acceptsWhatTheSyntaxPatternAcceptsAndNothingElse() {
    char[] alphabet = {'a', 'z', 'A', 'Z', '0', '9', '_', '-', '.', '.', ' ', '/', '\u212A', '\u00E9', '@'};
    Random random = new Random(6376);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(10) == 0 ? 60 + random.nextInt(10) : random.nextInt(12);
      for (int n = 0; n < length; n++) {
        text.append(random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'k');
      }
      String s = text.toString().toLowerCase(Locale.ROOT);
      assertThat(Selector.wellFormed(s)).as("'%s'", s).isEqualTo(SYNTAX.matcher(s).matches());
    }
  }

  @Test
  void labelsAreOneTo63Characters() {
    assertThat(Selector.problem("s1.k" + "a".repeat(62))).isNull();
    assertThat(Selector.problem("a".repeat(64))).isNotNull();
    assertThat(Selector.problem("s1..s2")).isNotNull();
    assertThat(Selector.problem(".s1")).isNotNull();
    assertThat(Selector.problem("s1.")).isNotNull();
    assertThat(Selector.problem("")).isNotNull();
    assertThat(Selector.problem("Google")).isNull();
    assertThat(Selector.problem("s1._domainkey.example.com")).contains("DNS name");
  }
}
