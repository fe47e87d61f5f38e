package io.mailsweep.cli;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.e2ee.E2eeCheck;
import io.mailsweep.domain.DomainName;
import io.mailsweep.job.ReportName;
import io.mailsweep.job.ResolverAddress;
import io.mailsweep.job.ScanRequest;
import io.mailsweep.job.Workers;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.DnsjavaDns;
import io.mailsweep.net.dns.QueryRate;
import io.mailsweep.net.dns.UdpPoolSettings;
import io.mailsweep.net.dns.SystemResolvers;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.scan.CheckCatalog;
import io.mailsweep.scan.ScanSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.mailsweep.policy.ProfileCatalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a scan, shared by {@code scan} and (through job files) {@code run}. */
final class ScanOptions {
  @Option(names = "--column", paramLabel = "NAME",
      description = "Input column holding the domains (default: detected from the header, else the first column).")
  String column;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Folder for the report files, mailsweep-report-<date>.xlsx and so on (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--report-name", paramLabel = "PATTERN",
      description = "Workbook file name; tokens {job} {date} {time} (UTC) {run}, e.g. vendors-{date}-{run}.xlsx"
          + " (default: mailsweep-report-{date}.xlsx).")
  String reportName;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "xlsx", split = ",",
      description = "Report files to write, comma-separated: xlsx (the workbook), csv (domains and findings),"
          + " jsonl (one JSON object per domain); same base name, in --out (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "baseline",
      description = "Compliance profile the report judges domains by: a shipped one (see 'mailsweep profiles')"
          + " or a YAML file (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]",
      description = "Recursive resolver to use; repeat for several (default: the system's, from /etc/resolv.conf).")
  List<String> resolvers = new ArrayList<>();

  @Option(names = "--checks", paramLabel = "LIST", defaultValue = "spf,dmarc,dkim,bimi,mx,starttls,mtasts,tlsrpt", split = ",",
      description = "Checks to run, comma-separated (default: ${DEFAULT-VALUE}); also dane, access (IMAP, POP3,"
          + " submission) and e2ee (keys for the input's contacts).")
  List<String> checks;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
      description = "Partitions scanned at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Ranges the domain list is split into; each is restartable on its own (default: --threads).")
  Integer partitions;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "500",
      description = "Finished domains committed together (default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(names = "--domains-in-flight", paramLabel = "N", defaultValue = "2000",
      description = "Domains being scanned at once, shared by the partitions running at once; a slow domain"
          + " holds one place, not its chunk (default: ${DEFAULT-VALUE}).")
  int domainsInFlight;

  @Option(names = "--workers", paramLabel = "local|amqp", defaultValue = "local",
      description = "Where the scan's partitions run: local (threads of this process) or amqp (sent through"
          + " RabbitMQ to 'mailsweep worker' processes sharing the --db database, which must then be"
          + " PostgreSQL) (default: ${DEFAULT-VALUE}).")
  String workers;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "Database for results and job history (default: jdbc:h2:file:./mailsweep-data/mailsweep)."
          + " User and password from SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD.")
  String db;

  @Option(names = "--dns-timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
      description = "Wait for one DNS answer (default: ${DEFAULT-VALUE}).")
  Duration dnsTimeout;

  @Option(names = "--dns-retries", paramLabel = "N", defaultValue = "2",
      description = "Retries after a timeout, SERVFAIL or network error, with backoff (default: ${DEFAULT-VALUE}).")
  int dnsRetries;

  @Option(names = "--dns-backoff", paramLabel = "DURATION", defaultValue = "250ms", converter = DurationConverter.class,
      description = "Wait before the first retry, doubled for each next one (default: ${DEFAULT-VALUE}).")
  Duration dnsBackoff;

  @Option(names = "--dns-in-flight", paramLabel = "N", defaultValue = "1000",
      description = "DNS questions on the wire at once (default: ${DEFAULT-VALUE}).")
  int dnsInFlight;

  @Option(names = "--dns-qps", paramLabel = "N|auto|none", defaultValue = "auto",
      description = "DNS queries per second sent to each resolver; 0 or none for no cap; auto: 100 for the well-known"
          + " public resolvers (Google, Cloudflare, Quad9, OpenDNS), no cap for others (default: ${DEFAULT-VALUE}).")
  String dnsQps;

  @Option(names = "--dns-sockets", paramLabel = "N", defaultValue = "32",
      description = "UDP sockets DNS questions share, each replaced by a new port after --dns-socket-queries;"
          + " 0: a new socket for every question (default: ${DEFAULT-VALUE}).")
  int dnsSockets;

  @Option(names = "--dns-socket-queries", paramLabel = "N", defaultValue = "2000",
      description = "Questions one shared UDP socket carries before a newly bound one replaces it"
          + " (default: ${DEFAULT-VALUE}).")
  int dnsSocketQueries;

  @Option(names = "--dns-cache", paramLabel = "N", defaultValue = "20000",
      description = "Answers cached for the run, least recently used dropped first; names many domains share stay"
          + " (default: ${DEFAULT-VALUE}).")
  int dnsCache;

  @Option(names = "--domain-deadline", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
      description = "Hard limit for all checks of one domain; later results are inconclusive (default: ${DEFAULT-VALUE}).")
  Duration domainDeadline;

  @Option(names = "--unanswered-domains", paramLabel = "skip|ask-all", defaultValue = "skip",
      description = "A domain whose own TXT question goes unanswered through every retry: skip (its checks are"
          + " INCONCLUSIVE without asking its other lookups) or ask-all (every check asks everything until the"
          + " per-domain deadline) (default: ${DEFAULT-VALUE}).")
  String unansweredDomains;

  @Option(names = "--canary", paramLabel = "NAME",
      description = "Name that must resolve, or the resolver is reported blind; repeatable (default: a.root-servers.net).")
  List<String> canary = new ArrayList<>();

  @Option(names = "--no-canary", description = "Skip the resolver canary.")
  boolean noCanary;

  @Option(names = "--progress", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "Interval of the progress line on standard error; 0s switches it off (default: ${DEFAULT-VALUE}).")
  Duration progress;

  @Option(names = "--dkim-selectors", paramLabel = "LIST", split = ",",
      description = "DKIM selectors to probe besides the shipped list, comma-separated.")
  List<String> dkimSelectors = new ArrayList<>();

  @Option(names = "--dkim-min-bits", paramLabel = "N", defaultValue = "1024",
      description = "RSA DKIM keys shorter than this fail (default: ${DEFAULT-VALUE}).")
  int dkimMinBits;

  @Option(names = "--dkim-good-bits", paramLabel = "N", defaultValue = "2048",
      description = "RSA DKIM keys shorter than this warn (default: ${DEFAULT-VALUE}).")
  int dkimGoodBits;

  @Option(names = "--max-mx-hosts", paramLabel = "N", defaultValue = "10",
      description = "MX hosts resolved per domain, by preference; more is a finding (default: ${DEFAULT-VALUE}).")
  int maxMxHosts;

  @Option(names = "--max-mx-addresses", paramLabel = "N", defaultValue = "20",
      description = "MX addresses probed per domain by the transport checks (default: ${DEFAULT-VALUE}).")
  int maxMxAddresses;

  @Option(names = "--max-access-hosts", paramLabel = "N", defaultValue = "3",
      description = "SRV targets followed per mail-access service by the access check (default: ${DEFAULT-VALUE}).")
  int maxAccessHosts;

  @Option(names = "--max-access-probes", paramLabel = "N", defaultValue = "12",
      description = "Mail-access addresses probed per domain by the access check (default: ${DEFAULT-VALUE}).")
  int maxAccessProbes;

  @Option(names = "--access-guess-hosts",
      description = "Let the access check also try imap., mail. and smtp.<domain> for services without SRV records.")
  boolean accessGuessHosts;

  @Option(names = "--contact-column", paramLabel = "NAME", defaultValue = "contact",
      description = "Input column with contact addresses for the e2ee check (default: ${DEFAULT-VALUE}).")
  String contactColumn;

  @Option(names = "--max-contacts", paramLabel = "N", defaultValue = "5",
      description = "Contact addresses looked up per input row by the e2ee check (default: ${DEFAULT-VALUE}).")
  int maxContacts;

  @Option(names = "--job-name", paramLabel = "NAME", defaultValue = "scan",
      description = "Name recorded with the run, to compare runs of the same job (default: ${DEFAULT-VALUE}).")
  String jobName;

  @Option(names = "--keep-runs", paramLabel = "N",
      description = "After the run completes, delete the oldest runs of the same job beyond the newest N, except"
          + " runs whose report file still exists and the runs those reports were compared with (default: keep all).")
  Integer keepRuns;

  @Mixin
  TransportOptions transport = new TransportOptions();

  static final String DEFAULT_CANARY = "a.root-servers.net";

  ScanRequest toRequest(Path input) {
    DnsSettings dns = new DnsSettings(resolverAddresses(), dnsTimeout, dnsRetries, dnsBackoff,
        dnsInFlight, dnsCache, 8).withQueryRate(queryRate()).withUdpPool(udpPool());
    ScanSettings settings = new ScanSettings(CheckCatalog.parse(String.join(",", checks)), dns,
        domainDeadline, canaryNames(), progress, checkOptions(),
        transport.toSettings(), skipUnanswered());
    checkTrustAnchor(dns, settings.transport().dnssecTrustAnchor());
    return new ScanRequest(jobName, input, column, out, settings,
        partitions == null ? threads : partitions, threads, chunk, reportName(), reportFormats(), profile(),
        domainsInFlight);
  }

  /** The partitions' mode; remote workers need a database that other processes can reach. */
  Workers workers() {
    Workers mode;
    try {
      mode = Workers.parse(workers);
    } catch (IllegalArgumentException e) {
      throw new UserError("--workers: " + e.getMessage());
    }
    if (mode == Workers.AMQP && (db == null || !db.startsWith("jdbc:postgresql:"))) {
      throw new UserError("--workers amqp: the manager and its workers share one database;"
          + " name a PostgreSQL database with --db jdbc:postgresql://HOST:5432/NAME"
          + (db == null ? " (the default is an embedded H2 file only this process can open)" : " (got " + db + ")"));
    }
    return mode;
  }

  private boolean skipUnanswered() {
    try {
      return ScanSettings.skipsUnanswered(unansweredDomains);
    } catch (IllegalArgumentException e) {
      throw new UserError("--unanswered-domains: " + e.getMessage());
    }
  }

  private UdpPoolSettings udpPool() {
    if (dnsSockets == 0) {
      return null;
    }
    try {
      return new UdpPoolSettings(dnsSockets, dnsSocketQueries, UdpPoolSettings.DEFAULT.maxPendingPerSocket());
    } catch (IllegalArgumentException e) {
      throw new UserError("--dns-sockets/--dns-socket-queries: " + e.getMessage());
    }
  }

  private QueryRate queryRate() {
    try {
      return QueryRate.parse(dnsQps);
    } catch (IllegalArgumentException e) {
      throw new UserError("--dns-qps: " + e.getMessage());
    }
  }

  /** The profile's shipped name, or its file as an absolute path; loaded once so mistakes stop here. */
  private String profile() {
    try {
      ProfileCatalog.load(profile);
    } catch (IllegalArgumentException e) {
      throw new UserError("--profile: " + e.getMessage());
    }
    return ProfileCatalog.SHIPPED.contains(profile) ? profile : Path.of(profile).toAbsolutePath().normalize().toString();
  }

  private ReportName reportName() {
    try {
      return reportName == null ? ReportName.DEFAULT : new ReportName(reportName);
    } catch (IllegalArgumentException e) {
      throw new UserError("--report-name: " + e.getMessage());
    }
  }

  /** Loads the DNSSEC trust anchor once, so that a bad file is a user error before the run starts. */
  private static void checkTrustAnchor(DnsSettings dns, Path anchor) {
    if (anchor == null) {
      return;
    }
    try {
      DnsjavaDns.validating(dns.withDnssec(false, anchor), Runnable::run);
    } catch (IllegalArgumentException e) {
      throw new UserError("--dnssec-trust-anchor: " + e.getMessage());
    }
  }

  /**
   * The contact column the input must have: one named other than the default while the e2ee check
   * runs. Without contacts (the default column absent) the check rests on the domain's WKD alone.
   */
  String namedContactColumn() {
    boolean e2ee = checks.stream().anyMatch(c -> c.trim().equalsIgnoreCase(E2eeCheck.NAME));
    return e2ee && !contactColumn.trim().equalsIgnoreCase(CheckOptions.DEFAULT_CONTACT_COLUMN) ? contactColumn : null;
  }

  private CheckOptions checkOptions() {
    try {
      return new CheckOptions(selectors(), dkimMinBits, dkimGoodBits, maxMxHosts, maxMxAddresses, maxAccessHosts,
          maxAccessProbes, accessGuessHosts, contactColumn, maxContacts);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private Set<ReportFormat> reportFormats() {
    try {
      return ReportFormat.parse(String.join(",", formats));
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage());
    }
  }

  private List<InetSocketAddress> resolverAddresses() {
    if (resolvers.isEmpty()) {
      List<InetSocketAddress> system = SystemResolvers.find();
      if (system.isEmpty()) {
        throw new UserError("no system resolver found; give one with --resolver IP[:PORT]");
      }
      return system;
    }
    return resolvers.stream().map(ResolverAddress::parse).toList();
  }

  private List<String> selectors() {
    for (String s : dkimSelectors) {
      if (!s.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
        throw new UserError("DKIM selector '" + s + "' is not a valid selector (RFC 6376 §3.1)");
      }
    }
    return dkimSelectors;
  }

  private List<DomainName> canaryNames() {
    if (noCanary) {
      return List.of();
    }
    List<String> names = canary.isEmpty() ? List.of(DEFAULT_CANARY) : canary;
    return names.stream().map(DomainName::of).toList();
  }
}
