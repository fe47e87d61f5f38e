package io.mailsweep.job;

import io.mailsweep.scan.ProgressMeter;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.ResultRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Waits for a chunk's scans (each bounded by the per-domain deadline) and stores them in the
 * chunk's transaction, so results and the reader's position commit together.
 */
public class ScanResultWriter implements ItemWriter<CompletableFuture<ScannedDomain>> {
  private final ResultRepository results;
  private final long runId;
  private final ProgressMeter progress;

  public ScanResultWriter(ResultRepository results, long runId, ProgressMeter progress) {
    this.results = results;
    this.runId = runId;
    this.progress = progress;
  }

  @Override
  public void write(Chunk<? extends CompletableFuture<ScannedDomain>> chunk) {
    List<ScannedDomain> done = new ArrayList<>(chunk.size());
    for (CompletableFuture<ScannedDomain> future : chunk) {
      done.add(future.join());
    }
    results.save(runId, done);
    progress.advance(done.size());
  }
}
