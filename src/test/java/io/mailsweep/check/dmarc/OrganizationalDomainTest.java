package io.mailsweep.check.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The organizational domain from the Public Suffix List, with the list's "*" default rule for unlisted TLDs. */
class OrganizationalDomainTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "example.com             | example.com",
    "mail.eu.example.com     | example.com",
    "vendor.co.uk            | vendor.co.uk",
    "mail.vendor.co.uk       | vendor.co.uk",
    "co.uk                   | co.uk",
    "com                     | com",
    "foo.github.io           | foo.github.io",
    "a.foo.github.io         | foo.github.io",
    "vendor.test             | vendor.test",
    "sub.vendor.test         | vendor.test",
    "a.b.sub.vendor.test     | vendor.test",
    "test                    | test",
    "xn--bcher-kva.test      | xn--bcher-kva.test",
    "mail.xn--bcher-kva.test | xn--bcher-kva.test",
  })
  void usesThePublicSuffixList(String domain, String organizational) {
    assertThat(OrganizationalDomain.of(DomainName.of(domain))).isEqualTo(DomainName.of(organizational));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "odd name.vendor.test | vendor.test",
    "_x.vendor.co.uk      | vendor.co.uk",
    "_x.co.uk             | _x.co.uk",
    "_dmarc.vendor.test   | vendor.test",
  })
  void namesThatAreNotHostNamesStillGetOne(String domain, String organizational) {
    assertThat(OrganizationalDomain.of(DomainName.of(domain))).isEqualTo(DomainName.of(organizational));
  }
}
