package io.mailsweep.job;

import io.mailsweep.scan.ScannedDomain;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The scan step's reader: keeps up to {@code window} domains of its partition in flight and hands
 * out each scan when it finishes, in the order scans finish. A slow domain (a name server that
 * does not answer, a tarpit) therefore holds one place in the window instead of holding back the
 * whole chunk it was read with, and chunks fill at the rate scans complete.
 *
 * <p>Restart does not depend on the order of reading: the source offers only the domains of the
 * partition that have no committed result yet, so a restarted partition scans exactly what the
 * interrupted one had not committed. Scans in flight at a crash are lost and done again.
 */
public class WindowedScanReader implements ItemStreamReader<ScannedDomain> {

  /** Pages of domains still to scan, in id order, each page after the id of the last one. */
  public interface Source {
    /** At most {@code limit} unscanned domains with ids greater than {@code afterId}. */
    List<ScanItem> page(long afterId, int limit);
  }

  private record Finished(ScannedDomain domain, Throwable error) {}

  private final Source source;
  private final Function<ScanItem, CompletableFuture<ScannedDomain>> scan;
  private final int window;
  private final int pageSize;
  private final Duration maxWait;
  private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  private final Deque<ScanItem> pending = new ArrayDeque<>();
  private long lastId = Long.MIN_VALUE;
  private boolean exhausted;
  private int inFlight;

  /**
   * @param window domains of this partition in flight at once
   * @param pageSize domains fetched from the database at a time
   * @param maxWait the longest one scan may take (the per-domain deadline plus slack): a reader
   *     that waits longer for any scan to finish fails the step instead of hanging
   */
  public WindowedScanReader(Source source, Function<ScanItem, CompletableFuture<ScannedDomain>> scan,
      int window, int pageSize, Duration maxWait) {
    if (window < 1 || pageSize < 1) {
      throw new IllegalArgumentException("window and page size must be positive");
    }
    this.source = source;
    this.scan = scan;
    this.window = window;
    this.pageSize = pageSize;
    this.maxWait = maxWait;
  }

  @Override
  public ScannedDomain read() throws InterruptedException {
    fill();
    if (inFlight == 0) {
      return null;
    }
    Finished next = finished.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    if (next == null) {
      throw new IllegalStateException("no domain scan finished within " + maxWait.toSeconds()
          + " s although " + inFlight + " are in flight; every scan should end by its deadline");
    }
    inFlight--;
    if (next.error() != null) {
      throw new IllegalStateException("a domain scan failed: " + next.error().getMessage(), next.error());
    }
    return next.domain();
  }

  /** Domains of this partition being scanned now. */
  int inFlight() {
    return inFlight;
  }

  private void fill() {
    while (inFlight < window) {
      if (pending.isEmpty()) {
        if (exhausted) {
          return;
        }
        List<ScanItem> page = source.page(lastId, Math.min(pageSize, window));
        if (page.isEmpty()) {
          exhausted = true;
          return;
        }
        pending.addAll(page);
        lastId = page.get(page.size() - 1).inputRowId();
      }
      start(pending.poll());
    }
  }

  private void start(ScanItem item) {
    inFlight++;
    CompletableFuture<ScannedDomain> started;
    try {
      started = scan.apply(item);
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete((domain, error) -> finished.add(new Finished(domain, error)));
  }

  @Override
  public void open(ExecutionContext context) {
    // Nothing to restore: the source skips domains with a committed result.
  }

  @Override
  public void update(ExecutionContext context) {
    // Nothing to save, for the same reason.
  }

  @Override
  public void close() {
    pending.clear();
  }
}
