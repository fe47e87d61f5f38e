package io.mailsweep.history;

import io.mailsweep.policy.DomainFacts;
import io.mailsweep.store.FactsRepository;
import io.mailsweep.store.MailServerCertificate;
import io.mailsweep.store.RunHistory;
import io.mailsweep.store.ScanRun;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run-to-run drift from the database: which run a run is compared with, and the changes between
 * two stored runs, streamed (memory does not grow with the runs). What {@code mailsweep diff}
 * prints and the workbook's Changes sheet lists.
 */
public final class Drift {
  private final DataSource dataSource;
  private final RunHistory history;
  private final FactsRepository facts;
  private final RunDiff diff;

  public Drift(DataSource dataSource, DiffSettings settings) {
    this.dataSource = dataSource;
    this.history = new RunHistory(new JdbcTemplate(dataSource));
    this.facts = new FactsRepository(dataSource);
    this.diff = new RunDiff(settings);
  }

  /** The run {@code runId} is compared with: the newest COMPLETED run of its job started before it. */
  public Optional<ScanRun> previous(long runId) {
    return history.previous(runId);
  }

  /** @throws IllegalArgumentException if there is no run {@code runId} */
  public ScanRun run(long runId) {
    return history.find(runId).orElseThrow(() -> new IllegalArgumentException("there is no run " + runId));
  }

  /**
   * Streams the changes from run {@code before} to run {@code after} to {@code out}: domains first,
   * then mail server certificates. Joins the caller's transaction if there is one, else runs in a
   * read-only one of its own (PostgreSQL streams rows only inside a transaction).
   *
   * @throws IllegalArgumentException if either run does not exist
   */
  public void compare(long before, long after, Consumer<Change> out) {
    run(before);
    ScanRun later = run(after);
    TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    readOnly.setReadOnly(true);
    readOnly.executeWithoutResult(tx -> {
      try (Stream<DomainFacts> a = facts.domains(before, FactsRepository.Order.DOMAIN);
          Stream<DomainFacts> b = facts.domains(after, FactsRepository.Order.DOMAIN)) {
        diff.compareDomains(a.iterator(), b.iterator(), out);
      }
      try (Stream<MailServerCertificate> a = facts.certificates(before);
          Stream<MailServerCertificate> b = facts.certificates(after)) {
        diff.compareCertificates(a.iterator(), b.iterator(), later.startedAt(), out);
      }
    });
  }
}
