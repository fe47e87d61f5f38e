package io.mailsweep.check.access;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.access.AccessProtocol;
import io.mailsweep.net.access.AccessSecurity;
import java.util.List;

/**
 * The six SRV services of mail access (RFC 6186 §3.1 and §3.2, RFC 8314 §5.1 for
 * {@code _submissions}), in the order the report lists them: implicit TLS before STARTTLS.
 */
public enum AccessService {
  IMAPS("_imaps", AccessProtocol.IMAP, AccessSecurity.IMPLICIT_TLS, "imap", "mail"),
  IMAP("_imap", AccessProtocol.IMAP, AccessSecurity.STARTTLS, "imap", "mail"),
  POP3S("_pop3s", AccessProtocol.POP3, AccessSecurity.IMPLICIT_TLS, "mail"),
  POP3("_pop3", AccessProtocol.POP3, AccessSecurity.STARTTLS, "mail"),
  SUBMISSIONS("_submissions", AccessProtocol.SUBMISSION, AccessSecurity.IMPLICIT_TLS, "smtp", "mail"),
  SUBMISSION("_submission", AccessProtocol.SUBMISSION, AccessSecurity.STARTTLS, "smtp", "mail");

  private final String label;
  private final AccessProtocol protocol;
  private final AccessSecurity security;
  private final List<String> guesses;

  AccessService(String label, AccessProtocol protocol, AccessSecurity security, String... guesses) {
    this.label = label;
    this.protocol = protocol;
    this.security = security;
    this.guesses = List.of(guesses);
  }

  /** The labels of the usual host names of the service under a domain, tried only when asked to. */
  public List<String> guesses() {
    return guesses;
  }

  /** The SRV owner name for {@code domain}, e.g. {@code _imaps._tcp.example.com}. */
  public DomainName owner(DomainName domain) {
    return domain.prepend(label + "._tcp");
  }

  public AccessProtocol protocol() {
    return protocol;
  }

  public AccessSecurity security() {
    return security;
  }

  /** The service's name in reports: {@code imaps}, {@code submission}, ... */
  public String display() {
    return label.substring(1);
  }

  /** The protocol's name in reports: {@code IMAP}, {@code POP3}, {@code submission}. */
  public String protocolName() {
    return protocol == AccessProtocol.SUBMISSION ? "submission" : protocol.name();
  }
}
