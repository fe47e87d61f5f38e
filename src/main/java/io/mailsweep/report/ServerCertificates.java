package io.mailsweep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certificate facts of the mail servers a STARTTLS evidence line names. The STARTTLS check
 * stores one line per probed address, {@code host (address):port outcome detail}; the certificate
 * the address presented is stored once per run in {@code mail_server}. Lookups are cached, a
 * bounded number of them, since many domains share their mail servers.
 */
final class ServerCertificates {

  /** Cached lookups; the least recently used are dropped past this. */
  static final int CACHE_ENTRIES = 4_096;

  private static final Pattern PROBE_LINE = Pattern.compile("^(\\S{1,253}) \\(([0-9A-Fa-f:.]{2,64})\\):(\\d{1,5}) ");
  private static final String SELECT = "SELECT subject, issuer, not_after, validation FROM mail_server"
      + " WHERE run_id = ? AND host = ? AND address = ? AND port = ?";

  private final JdbcTemplate jdbc;
  private final long runId;
  private final Map<String, Optional<String>> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  ServerCertificates(JdbcTemplate jdbc, long runId) {
    this.jdbc = jdbc;
    this.runId = runId;
  }

  /** {@code evidence} with a certificate line after each probe line whose server presented one. */
  List<String> annotate(List<String> evidence) {
    List<String> out = new ArrayList<>(evidence.size() * 2);
    for (String line : evidence) {
      out.add(line);
      Matcher probe = PROBE_LINE.matcher(line);
      if (probe.find()) {
        certificate(probe.group(1), probe.group(2), Integer.parseInt(probe.group(3))).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<String> certificate(String host, String address, int port) {
    String key = host + ' ' + address + ' ' + port;
    Optional<String> known = cache.get(key);
    if (known == null) {
      known = jdbc.query(SELECT, rs -> rs.next() ? Optional.ofNullable(describe(rs.getString(1), rs.getString(2),
          rs.getString(3), rs.getString(4))) : Optional.<String>empty(), runId, host, address, port);
      cache.put(key, known);
    }
    return known;
  }

  private static String describe(String subject, String issuer, String notAfter, String validation) {
    if (subject == null && issuer == null && notAfter == null) {
      return null;
    }
    List<String> facts = new ArrayList<>();
    add(facts, "subject ", subject);
    add(facts, "issuer ", issuer);
    add(facts, "expires ", notAfter);
    add(facts, "validation: ", validation);
    return "    certificate: " + String.join("; ", facts);
  }

  private static void add(List<String> facts, String label, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(label + value);
    }
  }
}
