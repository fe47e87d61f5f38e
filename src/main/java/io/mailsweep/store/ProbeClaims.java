package io.mailsweep.store;

import com.google.common.net.InetAddresses;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code probe_claim} rows of one run, one per (address, port): who probes it, since when, and
 * the encoded result once there is one. Every statement commits on its own (it runs on probe and
 * ledger threads, never in a chunk's transaction), and every change is conditional, so the workers'
 * statements may interleave in any order. Times are the database's clock, shared by all workers.
 */
final class ProbeClaims {
  /** A row as read. @param result the encoded result; null while the probe is pending */
  record Claim(String worker, LocalDateTime claimedAt, byte[] result) {
    boolean sameHolder(Claim other) {
      return worker.equals(other.worker) && claimedAt.equals(other.claimedAt);
    }
  }

  private static final String KEY = " WHERE run_id = ? AND address = ? AND port = ?";

  private final JdbcTemplate jdbc;
  private final long runId;

  ProbeClaims(JdbcTemplate jdbc, long runId) {
    this.jdbc = jdbc;
    this.runId = runId;
  }

  Optional<Claim> read(InetSocketAddress target) {
    List<Claim> rows = jdbc.query("SELECT worker, claimed_at, result FROM probe_claim" + KEY,
        (rs, n) -> new Claim(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getBytes(3)),
        runId, address(target), target.getPort());
    return rows.stream().findFirst();
  }

  /** Claims {@code target} for {@code worker}; false when a claim is there already. */
  boolean insert(InetSocketAddress target, String worker) {
    try {
      jdbc.update("INSERT INTO probe_claim (run_id, address, port, worker, claimed_at)"
          + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)", runId, address(target), target.getPort(), worker);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Moves the claim to {@code worker} with no result, provided it is still as {@code seen} (no
   * renewal, result or other taker came between); false otherwise.
   */
  boolean takeOver(InetSocketAddress target, Claim seen, String worker) {
    return jdbc.update("UPDATE probe_claim SET worker = ?, claimed_at = CURRENT_TIMESTAMP, result = NULL" + KEY
        + " AND worker = ? AND claimed_at = ?", worker, runId, address(target), target.getPort(), seen.worker(),
        seen.claimedAt()) == 1;
  }

  /** Stores the result unless one is there already (a worker that took the claim over was first). */
  void store(InetSocketAddress target, byte[] result) {
    jdbc.update("UPDATE probe_claim SET result = ?" + KEY + " AND result IS NULL", result, runId, address(target),
        target.getPort());
  }

  /** Gives up {@code worker}'s pending claim, so that another worker may probe. */
  void release(InetSocketAddress target, String worker) {
    jdbc.update("DELETE FROM probe_claim" + KEY + " AND worker = ? AND result IS NULL", runId, address(target),
        target.getPort(), worker);
  }

  /** Renews every pending claim of {@code worker}: its probes are alive. */
  void renew(String worker) {
    jdbc.update("UPDATE probe_claim SET claimed_at = CURRENT_TIMESTAMP WHERE run_id = ? AND worker = ?"
        + " AND result IS NULL", runId, worker);
  }

  private static String address(InetSocketAddress target) {
    return InetAddresses.toAddrString(target.getAddress());
  }
}
