package io.mailsweep.check.e2ee;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.https.PolicyFetcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Whether encrypted mail can reach a vendor's contacts: the domain's Web Key Directory
 * (draft-koch-openpgp-webkey-service §3.1, §4.5) and, for each address in the row's contact
 * column, a key by WKD on the address's own domain, an OPENPGPKEY record (RFC 7929 §3) or an
 * SMIMEA record (RFC 8162 §3). The only class of the package that touches the network ports; only
 * addresses the input lists are looked up, at most {@code maxContacts} per row.
 *
 * <p>The status, as an auditor reads it:
 *
 * <ul>
 *   <li>PASS: every listed contact can be sent encrypted mail by at least one method, and nothing
 *       of severity LOW or above was found (else WARN).
 *   <li>WARN: some listed contacts can, some cannot.
 *   <li>FAIL: none of the listed contacts can.
 *   <li>INCONCLUSIVE: a lookup failed (DNS failure, no connection, no answer, an address the guard
 *       refused in a lab) for contacts whose outcome could change the status; the reason names
 *       them. A contact with a key found is reachable whatever else failed.
 *   <li>Without any contact listed, the WKD alone: offered PASS, broken WARN, not offered
 *       NOT_APPLICABLE, undetermined INCONCLUSIVE.
 * </ul>
 *
 * A key found in DNS without DNSSEC counts as found (the address has one) but is a finding, since
 * RFC 7929 §5 and RFC 8162 §6 make conforming senders reject it. Malformed addresses and addresses
 * past the cap are informational findings and evidence lines; they do not change the status.
 */
public final class E2eeCheck implements Check {
  public static final String NAME = "e2ee";

  /** Attribute: per contact, the methods a key was found by, e.g. {@code a@x.test: WKD; b@x.test: none}. */
  public static final String ENCRYPTED_MAIL = "Encrypted mail";

  /** Attribute: the domain's WKD, e.g. {@code offered (advanced)}. */
  public static final String WKD = "WKD";

  public static final String DEFAULT_COLUMN = "contact";

  /** Contacts looked up per row by default: each costs two DNS lookups and up to two HTTPS fetches. */
  public static final int DEFAULT_MAX_CONTACTS = 5;

  /** RFC 7929 §3 and RFC 8162 §3: the labels below the hashed local part. */
  static final String OPENPGPKEY_LABEL = "_openpgpkey";
  static final String SMIMEA_LABEL = "_smimecert";

  private final Dns dns;
  private final WkdClient wkd;
  private final String column;
  private final int maxContacts;

  /**
   * @param guard asked for every WKD host address before it is contacted
   * @param httpsPort the WKD hosts' port: 443 except in labs and tests
   * @param column the input column holding contact addresses
   * @param maxContacts contacts looked up per row; the rest are reported, not looked up
   */
  public E2eeCheck(Dns dns, PolicyFetcher fetcher, TargetGuard guard, int httpsPort, String column, int maxContacts) {
    if (maxContacts < 1) {
      throw new IllegalArgumentException("maxContacts " + maxContacts);
    }
    this.dns = dns;
    this.wkd = new WkdClient(dns, guard, fetcher, httpsPort);
    this.column = column;
    this.maxContacts = maxContacts;
  }

  /** With the default column and cap. */
  public E2eeCheck(Dns dns, PolicyFetcher fetcher, TargetGuard guard, int httpsPort) {
    this(dns, fetcher, guard, httpsPort, DEFAULT_COLUMN, DEFAULT_MAX_CONTACTS);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    DomainName domain = target.domain();
    ContactList.Parsed contacts = target.column(column).map(c -> ContactList.parse(c, maxContacts))
        .orElse(ContactList.Parsed.EMPTY);
    // Confined to this call: every discovery is started here, before any stage runs.
    Map<DomainName, CompletableFuture<WkdHost>> hosts = new HashMap<>();
    CompletableFuture<WkdHost> own = hosts.computeIfAbsent(domain, wkd::discover);
    CompletableFuture<WkdFetch> policy = own.thenCompose(h -> h.method() == null
        ? CompletableFuture.completedFuture(null) : wkd.fetch(h, h.method().policyPath(domain)));
    List<CompletableFuture<ContactLookup>> lookups = contacts.lookedUp().stream()
        .map(a -> lookup(a, hosts.computeIfAbsent(a.domain(), wkd::discover))).toList();
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenCombine(policy, (done, p) ->
        E2eeEvaluator.evaluate(own.join(), p, contacts, lookups.stream().map(CompletableFuture::join).toList(),
            maxContacts));
  }

  private CompletableFuture<ContactLookup> lookup(ContactAddress address, CompletableFuture<WkdHost> host) {
    CompletableFuture<WkdFetch> key = host.thenCompose(h -> h.method() == null
        ? CompletableFuture.completedFuture(null) : wkd.fetch(h, h.method().keyPath(address)));
    CompletableFuture<DnsAnswer> pgp = record(address, OPENPGPKEY_LABEL, RecordType.OPENPGPKEY);
    CompletableFuture<DnsAnswer> smimea = record(address, SMIMEA_LABEL, RecordType.SMIMEA);
    return CompletableFuture.allOf(key, pgp, smimea).thenApply(done ->
        new ContactLookup(address, host.join(), key.join(), pgp.join(), smimea.join()));
  }

  private CompletableFuture<DnsAnswer> record(ContactAddress address, String label, RecordType type) {
    String name = LocalPartHashes.dane(address.localPart()) + "." + label + "." + address.domain().text();
    if (DomainName.problem(name) != null) {
      // A domain within 69 characters of the 253 limit: no such record can exist.
      return CompletableFuture.completedFuture(DnsAnswer.failure(address.domain(), type, DnsStatus.NXDOMAIN,
          name + " would be longer than " + DomainName.MAX_LENGTH + " characters"));
    }
    return dns.query(DomainName.of(name), type);
  }
}
