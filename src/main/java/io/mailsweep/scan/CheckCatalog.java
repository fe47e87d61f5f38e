package io.mailsweep.scan;

import io.mailsweep.check.Check;
import io.mailsweep.check.access.MailAccessCheck;
import io.mailsweep.check.e2ee.E2eeCheck;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.mtasts.MtaStsCheck;
import io.mailsweep.check.mtasts.MtaStsPosture;
import io.mailsweep.check.bimi.BimiCheck;
import io.mailsweep.check.dane.DaneCheck;
import io.mailsweep.check.dane.DaneSettings;
import io.mailsweep.check.dkim.DkimCheck;
import io.mailsweep.check.dmarc.DmarcCheck;
import io.mailsweep.check.mx.MxCheck;
import io.mailsweep.check.spf.SpfCheck;
import io.mailsweep.check.starttls.StartTlsCheck;
import io.mailsweep.check.starttls.StartTlsEvaluator;
import io.mailsweep.check.tlsrpt.TlsRptCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The checks mailsweep knows, by their stable names, with how the report shows them. */
public final class CheckCatalog {

  /**
   * One known check.
   *
   * @param display the report's header for the check
   * @param attributes the attribute names its results carry, each a report column
   * @param contacts which servers it contacts
   */
  private record Entry(String display, List<String> attributes, Contacts contacts,
      Function<CheckContext, Check> factory) {}

  /** The servers a check contacts besides DNS. */
  private enum Contacts {
    NONE,
    /** MX servers over SMTP (and policy servers): fills the Mail servers sheet. */
    MAIL_SERVERS,
    /** Other servers: mail-access hosts, web servers. */
    OTHER
  }

  private static final Map<String, Entry> CHECKS = new LinkedHashMap<>();
  static final String MTA_STS_MODE = "MTA-STS mode";
  static final String MTA_STS_VALID = "MTA-STS valid";

  static {
    add(SpfCheck.NAME, "SPF", List.of(), Contacts.NONE, c -> new SpfCheck(c.dns()));
    add(DmarcCheck.NAME, "DMARC", List.of(), Contacts.NONE, c -> new DmarcCheck(c.dns()));
    add(DkimCheck.NAME, "DKIM", List.of(), Contacts.NONE, c -> new DkimCheck(c.dns(), c.options()));
    add(BimiCheck.NAME, "BIMI", List.of(), Contacts.NONE, c -> new BimiCheck(c.dns()));
    add(MxCheck.NAME, "MX", List.of(), Contacts.NONE, c -> mx(c));
    add(StartTlsCheck.NAME, "STARTTLS", List.of(StartTlsEvaluator.STARTTLS, StartTlsEvaluator.WORST_TLS,
        StartTlsEvaluator.CERTIFICATE), Contacts.MAIL_SERVERS, c -> new StartTlsCheck(mx(c), c.prober(), c.certificates(), c.clock(),
        c.options().maxMxAddresses()));
    add(MtaStsCheck.NAME, "MTA-STS", List.of(MTA_STS_MODE, MTA_STS_VALID), Contacts.MAIL_SERVERS, c -> new AttributedCheck(
        new MtaStsCheck(c.dns(), mx(c), c.fetcher(), c.guard(), c.prober(), c.certificates(),
            c.httpsPort()),
        CheckCatalog::mtaStsPosture));
    add(DaneCheck.NAME, "DANE", List.of(), Contacts.MAIL_SERVERS, c -> new DaneCheck(c.dnssec(), c.prober(),
        new DaneSettings(c.smtpPort(), c.dnssecConfigured()), c.options().maxMxHosts()));
    add(TlsRptCheck.NAME, "TLS-RPT", List.of(), Contacts.NONE, c -> new TlsRptCheck(c.dns()));
    add(MailAccessCheck.NAME, "Mail access", List.of(MailAccessCheck.LOGIN_BEFORE_TLS), Contacts.OTHER,
        c -> new MailAccessCheck(c.dns(), c.accessProber(), c.certificates(), c.clock(),
            c.options().maxAccessHosts(), c.options().maxAccessProbes(), c.options().guessAccessHosts()));
    add(E2eeCheck.NAME, "Encrypted mail", List.of(E2eeCheck.ENCRYPTED_MAIL, E2eeCheck.WKD), Contacts.OTHER,
        c -> new E2eeCheck(c.dns(), c.fetcher(), c.guard(), c.httpsPort(), c.options().contactColumn(),
            c.options().maxContacts()));
  }

  private CheckCatalog() {}

  private static void add(String name, String display, List<String> attributes, Contacts contacts,
      Function<CheckContext, Check> factory) {
    CHECKS.put(name, new Entry(display, attributes, contacts, factory));
  }

  public static List<String> names() {
    return List.copyOf(CHECKS.keySet());
  }

  /** The report's header for a check; the upper-cased name for one this version does not know. */
  public static String displayName(String name) {
    Entry e = CHECKS.get(key(name));
    return e == null ? name.toUpperCase(Locale.ROOT) : e.display();
  }

  /** The attribute columns of a check's results; none for one this version does not know. */
  public static List<String> attributes(String name) {
    Entry e = CHECKS.get(key(name));
    return e == null ? List.of() : e.attributes();
  }

  /** Whether the check contacts MX servers (and so fills the Mail servers sheet). */
  public static boolean probesMailServers(String name) {
    Entry e = CHECKS.get(key(name));
    return e != null && e.contacts() == Contacts.MAIL_SERVERS;
  }

  /** Whether the check contacts any server besides DNS: MX, policy, mail-access or web servers. */
  public static boolean contactsServers(String name) {
    Entry e = CHECKS.get(key(name));
    return e != null && e.contacts() != Contacts.NONE;
  }

  /** The names in a comma-separated list, validated; throws with the known names otherwise. */
  public static List<String> parse(String commaSeparated) {
    List<String> out = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      String name = key(part);
      if (name.isEmpty()) {
        continue;
      }
      if (!CHECKS.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown check '" + name + "'; known checks: " + String.join(", ", names()));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no check named; known checks: " + String.join(", ", names()));
    }
    return out;
  }

  static List<Check> create(List<String> names, CheckContext context) {
    return names.stream().map(n -> CHECKS.get(n).factory().apply(context)).toList();
  }

  private static MxCheck mx(CheckContext c) {
    return new MxCheck(c.dns(), c.options().maxMxHosts());
  }

  private static List<Attribute> mtaStsPosture(CheckResult r) {
    MtaStsPosture p = MtaStsPosture.fromSummary(r.summary());
    return List.of(new Attribute(MTA_STS_MODE, p.mode()),
        new Attribute(MTA_STS_VALID, p.valid() == null ? "" : p.valid() ? "yes" : "no"));
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
