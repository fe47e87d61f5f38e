package io.mailsweep.check.e2ee;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of the check: hashes, URLs, the contact column, key and policy sniffing. */
class E2eeSyntaxTest {
  @Test
  void theWkdHashMatchesTheDraftsExample() {
    // draft-koch-openpgp-webkey-service §3.1: Joe.Doe@Example.ORG
    assertThat(LocalPartHashes.wkd("Joe.Doe")).isEqualTo("iy9q119eutrkn8s1mk4r39qejnbu3n5q");
    assertThat(LocalPartHashes.wkd("joe.doe")).isEqualTo("iy9q119eutrkn8s1mk4r39qejnbu3n5q");
  }

  @Test
  void onlyAsciiLettersAreFoldedForWkd() {
    assertThat(LocalPartHashes.asciiLowerCase("ÄBc.É")).isEqualTo("Äbc.É");
    assertThat(LocalPartHashes.wkd("Ä")).isNotEqualTo(LocalPartHashes.wkd("ä"));
  }

  @Test
  void zBase32FollowsRfc6189() {
    assertThat(LocalPartHashes.zBase32(new byte[] {0})).isEqualTo("yy");
    assertThat(LocalPartHashes.zBase32(new byte[] {(byte) 0xff})).isEqualTo("9h");
    assertThat(LocalPartHashes.zBase32(new byte[20])).isEqualTo("y".repeat(32));
  }

  @Test
  void theDaneOwnerMatchesRfc7929sExample() {
    // RFC 7929 §3: hugh@example.com
    assertThat(LocalPartHashes.dane("hugh")).isEqualTo("c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6");
    assertThat(LocalPartHashes.dane("Hugh")).isNotEqualTo(LocalPartHashes.dane("hugh"));
    // NFC: a precomposed and a decomposed é hash alike (RFC 7929 §3 rule 3)
    assertThat(LocalPartHashes.dane("\u00e9")).isEqualTo(LocalPartHashes.dane("e\u0301"));
  }

  @Test
  void wkdUrlsFollowTheDraftsExamples() {
    ContactAddress joe = new ContactAddress("Joe.Doe", DomainName.of("Example.ORG"));
    assertThat(WkdMethod.ADVANCED.host(joe.domain()).text()).isEqualTo("openpgpkey.example.org");
    assertThat(WkdMethod.ADVANCED.keyPath(joe))
        .isEqualTo("/.well-known/openpgpkey/example.org/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe");
    assertThat(WkdMethod.DIRECT.keyPath(joe)).isEqualTo("/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe");
    assertThat(WkdMethod.ADVANCED.policyPath(joe.domain())).isEqualTo("/.well-known/openpgpkey/example.org/policy");
    assertThat(WkdMethod.DIRECT.policyPath(joe.domain())).isEqualTo("/.well-known/openpgpkey/policy");
    assertThat(WkdMethod.percentEncode("a+b/c=d é~")).isEqualTo("a%2Bb%2Fc%3Dd%20%C3%A9~");
  }

  @Test
  void theColumnIsSplitCheckedDeduplicatedAndCapped() {
    ContactList.Parsed p = ContactList.parse(" a@x.test, b@X.TEST;c@y.test\td@y.test  a@x.test,,e@z.test ", 3);
    assertThat(p.lookedUp()).extracting(ContactAddress::text).containsExactly("a@x.test", "b@x.test", "c@y.test");
    assertThat(p.skipped()).extracting(ContactAddress::text).containsExactly("d@y.test", "e@z.test");
    assertThat(p.malformed()).isEmpty();
    assertThat(p.lookedUp().get(1).localPart()).isEqualTo("b");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "alice                | no '@'",
      "@x.test              | empty local part",
      ".a@x.test            | empty atom in local part (leading, trailing or double dot)",
      "a..b@x.test          | empty atom in local part (leading, trailing or double dot)",
      "a(b)@x.test          | local part has a character outside RFC 5322 atext ('a(b)')",
      "a@b@x.test           | local part has a character outside RFC 5322 atext ('a@b')",
      "\"a b\"@x.test       | quoted local parts are not looked up by this check",
      "a@[127.0.0.1]        | address literal: no domain to look keys up in",
      "a@x_y.test           | domain 'x_y.test' is not a host name",
      "a@-x.test            | domain '-x.test' is not a host name",
      "a@localhost          | domain 'localhost' is not a fully qualified host name",
      "a@x.123              | domain 'x.123' is not a fully qualified host name",
      "<a@x.test>           | local part has a character outside RFC 5322 atext ('<a')"})
  void malformedTokensSayWhy(String token, String reason) {
    assertThat(ContactList.problem(token)).isEqualTo(reason);
  }

  @Test
  void wellFormedAddressesIncludeUtf8LocalPartsAndIdnDomains() {
    assertThat(ContactList.problem("o'brien+sales@x.test")).isNull();
    assertThat(ContactList.problem("jörg@x.test")).isNull();
    assertThat(ContactList.problem("a".repeat(65) + "@x.test")).isEqualTo("local part longer than 64 octets");
    ContactList.Parsed p = ContactList.parse("info@bücher.example", 5);
    assertThat(p.lookedUp()).extracting(ContactAddress::text).containsExactly("info@xn--bcher-kva.example");
  }

  @Test
  void keyDataIsSniffedByItsFirstPacket() {
    assertThat(OpenPgpKeyData.problem(new byte[] {(byte) 0x99, 0x00, 0x33, 0x04})).isNull();
    assertThat(OpenPgpKeyData.problem(new byte[] {(byte) 0xc6, 0x33, 0x04})).isNull();
    assertThat(OpenPgpKeyData.problem(new byte[0])).isEqualTo("empty body");
    assertThat(OpenPgpKeyData.problem("-----BEGIN PGP PUBLIC KEY BLOCK-----".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("an ASCII-armored block; clients expect the binary key");
    assertThat(OpenPgpKeyData.problem("<html>".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("HTML or XML, not an OpenPGP key");
    assertThat(OpenPgpKeyData.problem(new byte[] {(byte) 0xc2, 0x00}))
        .isEqualTo("an OpenPGP packet of tag 2, not a public key (tag 6)");
  }

  @Test
  void policyFilesAreToldFromWebPages() {
    assertThat(WkdPolicyParser.problem("")).isNull();
    assertThat(WkdPolicyParser.problem("# flags\r\nmailbox-only\nprotocol-version: 5\nexample.org_x\n")).isNull();
    assertThat(WkdPolicyParser.problem("<!DOCTYPE html>\n<html>")).isEqualTo("line 1 is not a keyword: '<!DOCTYPE html>'");
    assertThat(WkdPolicyParser.problem("mailbox-only\n  auth-submit")).isEqualTo("line 2 is not a keyword: '  auth-submit'");
  }
}
