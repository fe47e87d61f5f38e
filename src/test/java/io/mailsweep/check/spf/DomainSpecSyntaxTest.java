package io.mailsweep.check.spf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainSpecSyntaxTest {
  @ParameterizedTest
  @ValueSource(strings = {"example.com", "example.com.", ".com", "a.b", "a.b1", "a.1b", "x.1a1",
      "foo.example.xn--zckzah", "x.a-1", "x.1-2", "x.1--2", "mail.example...com",
      "foo:bar/baz.example.com", "%{d}", "x.%{d}", "%{ir}.%{v}._spf.%{d2}", "foo%%",
      "foo%_", "foo%-", "%{d}.com", "%{H}.bar",
      "a123456789012345678901234567890123456789012345678901234567890123.example.com"})
  void acceptsMacroStringThenDomainEnd(String spec) {
    assertThat(DomainSpecSyntax.problem(spec)).as(spec).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "\"\"              | empty domain-spec",
    "museum          | 'museum' is a single label; a domain-spec ends in a dot and a top-level label, or in a macro",
    "museum.         | 'museum.' is a single label; a domain-spec ends in a dot and a top-level label, or in a macro",
    "abc.123         | the top-level label of 'abc.123' is all numeric",
    "abc.123.        | the top-level label of 'abc.123.' is all numeric",
    "1.2.3.4         | '1.2.3.4' is an IPv4 address, not a domain name (use ip4:1.2.3.4)",
    "example.-com    | 'example.-com' does not end in a dot and a valid top-level label, or in a macro",
    "example.com-    | 'example.com-' does not end in a dot and a valid top-level label, or in a macro",
    "example.c_m     | 'example.c_m' does not end in a dot and a valid top-level label, or in a macro",
    "example.com..   | 'example.com..' does not end in a dot and a valid top-level label, or in a macro",
    "example.        | 'example.' is a single label; a domain-spec ends in a dot and a top-level label, or in a macro",
    "%{d}com         | '%{d}com' does not end in a dot and a valid top-level label, or in a macro",
    "%{d}.           | '%{d}.' does not end in a dot and a valid top-level label, or in a macro",
  })
  void explainsWhatIsMissing(String spec, String problem) {
    assertThat(DomainSpecSyntax.problem(spec)).contains(problem);
  }
}
