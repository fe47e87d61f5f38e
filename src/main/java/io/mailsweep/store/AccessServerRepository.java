package io.mailsweep.store;

import io.mailsweep.check.access.AccessServer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores the mail-access servers a run probed, one row per (host, address, port, service) however
 * many domains name them; as {@link MailServerRepository}, a claim in memory keeps concurrent
 * partitions from racing on the unique key and the insert skips keys already stored, so a
 * restarted run re-writing a chunk adds nothing twice, nor two worker processes writing one key at
 * once on PostgreSQL.
 */
final class AccessServerRepository {
  private static final String INSERT = "INSERT INTO access_server (run_id, host, address, port, service, tls,"
      + " login_before_tls, protocol, cipher, subject, issuer, not_after, validation, detail)"
      + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM access_server"
      + " WHERE run_id = ? AND host = ? AND address = ? AND port = ? AND service = ?)";

  private record Key(String host, String address, int port, String service) {}

  private final JdbcTemplate jdbc;
  private final String insert;
  private final RunClaims<AccessServer, Key> claims = new RunClaims<>(s -> new Key(s.host(), s.address(), s.port(), s.service()));

  AccessServerRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = INSERT + Databases.skipConflicts(jdbc);
  }

  void save(long runId, List<AccessServer> servers) {
    List<AccessServer> fresh = claims.claim(runId, servers);
    jdbc.batchUpdate(insert, fresh, fresh.size(), (ps, s) -> {
      int i = 1;
      ps.setLong(i++, runId);
      ps.setString(i++, ResultRepository.cut(s.host(), 253));
      ps.setString(i++, ResultRepository.cut(s.address(), 64));
      ps.setInt(i++, s.port());
      ps.setString(i++, ResultRepository.cut(s.service(), 20));
      ps.setString(i++, ResultRepository.cut(s.tls(), 1000));
      ps.setString(i++, ResultRepository.cut(s.loginBeforeTls(), 200));
      ps.setString(i++, ResultRepository.cut(s.protocol(), 20));
      ps.setString(i++, ResultRepository.cut(s.cipher(), 100));
      ps.setString(i++, ResultRepository.cut(s.subject(), 1000));
      ps.setString(i++, ResultRepository.cut(s.issuer(), 1000));
      ps.setString(i++, ResultRepository.cut(s.notAfter(), 40));
      ps.setString(i++, ResultRepository.cut(s.validation(), 1000));
      ps.setString(i++, ResultRepository.cut(s.detail(), 2000));
      ps.setLong(i++, runId);
      ps.setString(i++, ResultRepository.cut(s.host(), 253));
      ps.setString(i++, ResultRepository.cut(s.address(), 64));
      ps.setInt(i++, s.port());
      ps.setString(i, ResultRepository.cut(s.service(), 20));
    });
  }
}
