package io.mailsweep.job;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.DnsSettings;
import io.mailsweep.net.dns.QueryRate;
import io.mailsweep.net.dns.UdpPoolSettings;
import io.mailsweep.report.ReportFormat;
import io.mailsweep.scan.ScanSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Carries a {@link ScanRequest} through Spring Batch's job parameters, so that a restarted run
 * scans exactly as it started. Only the run id identifies the job instance.
 */
public final class RunParameters {
  public static final String RUN_ID = "run.id";

  private RunParameters() {}

  public static JobParameters of(long runId, ScanRequest request) {
    return of(runId, request, Workers.LOCAL);
  }

  /** The parameters of a run whose partitions execute where {@code workers} says. */
  public static JobParameters of(long runId, ScanRequest request, Workers workers) {
    JobParametersBuilder b = new JobParametersBuilder().addLong(RUN_ID, runId, true);
    describe(request).forEach((k, v) -> b.addString(k, v, false));
    if (workers != Workers.LOCAL) {
      b.addString(Workers.PARAMETER, workers.text(), false);
    }
    return b.toJobParameters();
  }

  /** Every option as text, in a stable order: job parameters and the run's stored record. */
  public static Map<String, String> describe(ScanRequest r) {
    ScanSettings s = r.settings();
    DnsSettings d = s.dns();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("job.name", r.jobName());
    m.put("input.file", r.input().toString());
    m.put("input.column", r.column() == null ? "" : r.column());
    m.put("out.dir", r.outDir().toString());
    m.put("checks", String.join(",", s.checks()));
    m.put("dns.resolvers", d.resolvers().stream().map(RunParameters::address).collect(Collectors.joining(",")));
    m.put("dns.timeout.ms", Long.toString(d.timeout().toMillis()));
    m.put("dns.retries", Integer.toString(d.retries()));
    m.put("dns.backoff.ms", Long.toString(d.backoff().toMillis()));
    m.put("dns.in-flight", Integer.toString(d.maxInFlight()));
    m.put("dns.qps", d.queryRate().text());
    m.put("dns.qps.per-resolver", d.resolvers().stream()
        .map(a -> address(a) + " " + QueryRate.describe(d.queryRate().forResolver(a.getAddress())))
        .collect(Collectors.joining(", ")));
    m.put("dns.udp.sockets", d.udpPool() == null ? "0" : Integer.toString(d.udpPool().sockets()));
    m.put("dns.udp.socket-queries", Integer.toString(
        (d.udpPool() == null ? UdpPoolSettings.DEFAULT : d.udpPool()).queriesPerSocket()));
    m.put("dns.cache.entries", Integer.toString(d.cacheEntries()));
    m.put("dns.cname.hops", Integer.toString(d.maxCnameHops()));
    m.put("domain.deadline.ms", Long.toString(s.domainDeadline().toMillis()));
    m.put("unanswered.domains", ScanSettings.unansweredText(s.skipUnanswered()));
    m.put("canary", s.canaryNames().stream().map(DomainName::text).collect(Collectors.joining(",")));
    m.put("progress.interval.ms", Long.toString(s.progressInterval().toMillis()));
    m.put("dkim.selectors", String.join(",", s.options().dkimSelectors()));
    m.put("dkim.rsa.min-bits", Integer.toString(s.options().dkimRsaMinBits()));
    m.put("dkim.rsa.good-bits", Integer.toString(s.options().dkimRsaGoodBits()));
    m.put("mx.max-hosts", Integer.toString(s.options().maxMxHosts()));
    m.put("mx.max-addresses", Integer.toString(s.options().maxMxAddresses()));
    m.put("access.max-hosts", Integer.toString(s.options().maxAccessHosts()));
    m.put("access.max-probes", Integer.toString(s.options().maxAccessProbes()));
    m.put("access.guess-hosts", Boolean.toString(s.options().guessAccessHosts()));
    m.put("e2ee.contact-column", s.options().contactColumn());
    m.put("e2ee.max-contacts", Integer.toString(s.options().maxContacts()));
    m.put("partitions", Integer.toString(r.partitions()));
    m.put("threads", Integer.toString(r.threads()));
    m.put("chunk.size", Integer.toString(r.chunkSize()));
    m.put("domains.in-flight", Integer.toString(r.domainsInFlight()));
    m.put("report.name", r.reportName().pattern());
    m.put("report.formats", ReportFormat.describe(r.formats()));
    m.put("report.profile", r.profile());
    TransportParameters.describe(s.transport(), m);
    return m;
  }

  public static long runId(JobParameters p) {
    return p.getLong(RUN_ID);
  }

  public static ScanRequest request(JobParameters p) {
    DnsSettings dns = new DnsSettings(
        resolvers(p.getString("dns.resolvers")),
        millis(p, "dns.timeout.ms"),
        integer(p, "dns.retries"),
        millis(p, "dns.backoff.ms"),
        integer(p, "dns.in-flight"),
        integer(p, "dns.cache.entries"),
        integer(p, "dns.cname.hops"))
        .withQueryRate(QueryRate.parse(text(p, "dns.qps", "auto")))
        .withUdpPool(udpPool(p));
    ScanSettings settings = new ScanSettings(
        List.of(p.getString("checks").split(",")),
        dns,
        millis(p, "domain.deadline.ms"),
        names(p.getString("canary")),
        millis(p, "progress.interval.ms"),
        new CheckOptions(list(p.getString("dkim.selectors")), integer(p, "dkim.rsa.min-bits"),
            integer(p, "dkim.rsa.good-bits"), integer(p, "mx.max-hosts", CheckOptions.MAX_MX_HOSTS),
            integer(p, "mx.max-addresses", CheckOptions.MAX_MX_ADDRESSES),
            integer(p, "access.max-hosts", CheckOptions.MAX_ACCESS_HOSTS),
            integer(p, "access.max-probes", CheckOptions.MAX_ACCESS_PROBES),
            Boolean.parseBoolean(text(p, "access.guess-hosts", "false")),
            text(p, "e2ee.contact-column", CheckOptions.DEFAULT_CONTACT_COLUMN),
            integer(p, "e2ee.max-contacts", CheckOptions.MAX_CONTACTS)),
        TransportParameters.read(p::getString),
        ScanSettings.skipsUnanswered(text(p, "unanswered.domains", ScanSettings.unansweredText(true))));
    String column = p.getString("input.column");
    String reportName = p.getString("report.name");
    return new ScanRequest(p.getString("job.name"), Path.of(p.getString("input.file")),
        column == null || column.isEmpty() ? null : column, Path.of(p.getString("out.dir")),
        settings, integer(p, "partitions"), integer(p, "threads"), integer(p, "chunk.size"),
        reportName == null ? ReportName.DEFAULT : new ReportName(reportName),
        ReportFormat.parse(text(p, "report.formats", "xlsx")), text(p, "report.profile", ScanRequest.DEFAULT_PROFILE),
        integer(p, "domains.in-flight", ScanRequest.DEFAULT_DOMAINS_IN_FLIGHT));
  }

  /** The shared UDP sockets; runs stored before they existed restart with the defaults. */
  private static UdpPoolSettings udpPool(JobParameters p) {
    int sockets = integer(p, "dns.udp.sockets", UdpPoolSettings.DEFAULT.sockets());
    return sockets == 0 ? null : new UdpPoolSettings(sockets,
        integer(p, "dns.udp.socket-queries", UdpPoolSettings.DEFAULT.queriesPerSocket()),
        UdpPoolSettings.DEFAULT.maxPendingPerSocket());
  }

  public static String address(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]:" + a.getPort() : host + ":" + a.getPort();
  }

  static List<InetSocketAddress> resolvers(String text) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(ResolverAddress.parse(part));
      }
    }
    return out;
  }

  private static List<String> list(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
  }

  private static List<DomainName> names(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).map(DomainName::of).toList();
  }

  private static Duration millis(JobParameters p, String key) {
    return Duration.ofMillis(Long.parseLong(p.getString(key)));
  }

  private static int integer(JobParameters p, String key) {
    return Integer.parseInt(p.getString(key));
  }

  /** A value added in a later version; runs stored before it have the default. */
  private static String text(JobParameters p, String key, String absent) {
    String v = p.getString(key);
    return v == null ? absent : v;
  }

  /** A value added in a later version; runs stored before it have the default. */
  private static int integer(JobParameters p, String key, int absent) {
    String v = p.getString(key);
    return v == null ? absent : Integer.parseInt(v);
  }
}
