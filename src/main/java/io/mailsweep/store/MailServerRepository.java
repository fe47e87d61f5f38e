package io.mailsweep.store;

import io.mailsweep.check.transport.MailServer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores the mail servers a run probed, one row per (host, address, port) however many domains
 * name them. Within a process each key is written by the first chunk that meets it (a claim in
 * memory keeps concurrent partitions from racing on the unique key); the insert itself skips keys
 * already stored, so a restarted run re-writing a chunk adds nothing twice, and on PostgreSQL keys
 * that another worker process of the run inserts at the same moment ({@link Databases#skipConflicts}).
 */
final class MailServerRepository {
  private static final String INSERT = "INSERT INTO mail_server (run_id, host, address, port, starttls, protocol,"
      + " cipher, protocols, weak_ciphers, subject, issuer, not_after, key_info, validation, detail)"
      + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS"
      + " (SELECT 1 FROM mail_server WHERE run_id = ? AND host = ? AND address = ? AND port = ?)";

  private record Key(String host, String address, int port) {}

  private final JdbcTemplate jdbc;
  private final String insert;
  private final RunClaims<MailServer, Key> claims = new RunClaims<>(s -> new Key(s.host(), s.address(), s.port()));

  MailServerRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = INSERT + Databases.skipConflicts(jdbc);
  }

  void save(long runId, List<MailServer> servers) {
    List<MailServer> fresh = claims.claim(runId, servers);
    jdbc.batchUpdate(insert, fresh, fresh.size(), (ps, s) -> {
      int i = 1;
      ps.setLong(i++, runId);
      ps.setString(i++, ResultRepository.cut(s.host(), 253));
      ps.setString(i++, ResultRepository.cut(s.address(), 64));
      ps.setInt(i++, s.port());
      ps.setString(i++, ResultRepository.cut(s.starttls(), 1000));
      ps.setString(i++, ResultRepository.cut(s.protocol(), 20));
      ps.setString(i++, ResultRepository.cut(s.cipher(), 100));
      ps.setString(i++, ResultRepository.cut(s.protocols(), 100));
      ps.setString(i++, ResultRepository.cut(s.weakCiphers(), 1000));
      ps.setString(i++, ResultRepository.cut(s.subject(), 1000));
      ps.setString(i++, ResultRepository.cut(s.issuer(), 1000));
      ps.setString(i++, ResultRepository.cut(s.notAfter(), 40));
      ps.setString(i++, ResultRepository.cut(s.key(), 200));
      ps.setString(i++, ResultRepository.cut(s.validation(), 1000));
      ps.setString(i++, ResultRepository.cut(s.detail(), 2000));
      ps.setLong(i++, runId);
      ps.setString(i++, ResultRepository.cut(s.host(), 253));
      ps.setString(i++, ResultRepository.cut(s.address(), 64));
      ps.setInt(i, s.port());
    });
  }
}
