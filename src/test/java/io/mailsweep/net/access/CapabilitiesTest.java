package io.mailsweep.net.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The capability parsers alone: what each protocol's list says about logging in before TLS. */
class CapabilitiesTest {
  @Test
  void imapLoginIsOfferedUnlessDisabled() {
    Capabilities open = Capabilities.imap(List.of("imap4rev1", "STARTTLS", "AUTH=CRAM-MD5"), "x");
    assertThat(open.all()).containsExactly("IMAP4REV1", "STARTTLS", "AUTH=CRAM-MD5");
    assertThat(open.starttls()).isTrue();
    assertThat(open.loginBeforeTls()).isTrue();
    assertThat(open.loginMechanisms()).containsExactly("LOGIN", "AUTH=CRAM-MD5");

    Capabilities closed = Capabilities.imap(List.of("IMAP4rev1", "LOGINDISABLED", "AUTH=CRAM-MD5"), "x");
    assertThat(closed.starttls()).isFalse();
    assertThat(closed.loginBeforeTls()).as("only PLAIN and LOGIN send the password itself").isFalse();
    assertThat(closed.loginMechanisms()).containsExactly("AUTH=CRAM-MD5");

    assertThat(Capabilities.imap(List.of("LOGINDISABLED", "AUTH=LOGIN"), "x").loginBeforeTls()).isTrue();
  }

  @Test
  void pop3UserAndSaslMechanisms() {
    Capabilities c = Capabilities.pop3(List.of("TOP", "user", "SASL  PLAIN  LOGIN", "STLS", "TOP"), "x");
    assertThat(c.all()).containsExactly("TOP", "USER", "SASL PLAIN LOGIN", "STLS");
    assertThat(c.starttls()).isTrue();
    assertThat(c.loginMechanisms()).containsExactly("USER", "SASL PLAIN", "SASL LOGIN");
    assertThat(c.loginBeforeTls()).isTrue();

    Capabilities none = Capabilities.pop3(List.of("TOP", "SASL", "IMPLEMENTATION Lab"), "x");
    assertThat(none.loginBeforeTls()).as("SASL without a mechanism offers nothing").isFalse();
    assertThat(none.starttls()).isFalse();
  }

  @Test
  void submissionAuthInBothForms() {
    Capabilities c = Capabilities.submission(List.of("PIPELINING", "AUTH=LOGIN PLAIN", "AUTH PLAIN LOGIN XOAUTH2",
        "STARTTLS"), "x");
    assertThat(c.starttls()).isTrue();
    assertThat(c.loginMechanisms()).containsExactly("AUTH LOGIN", "AUTH PLAIN", "AUTH XOAUTH2");
    assertThat(c.loginBeforeTls()).isTrue();

    Capabilities plainOnly = Capabilities.submission(List.of("SIZE 1000", "STARTTLS-LATER"), "x");
    assertThat(plainOnly.starttls()).isFalse();
    assertThat(plainOnly.loginBeforeTls()).isFalse();
  }

  @Test
  void unknownSaysNothing() {
    Capabilities u = Capabilities.unknown("CAPA refused");
    assertThat(u.known()).isFalse();
    assertThat(u.loginBeforeTls()).isNull();
    assertThat(u.all()).isEmpty();
    assertThat(u.source()).isEqualTo("CAPA refused");
  }
}
