package io.mailsweep.job;

import io.mailsweep.scan.ProgressMeter;
import io.mailsweep.scan.ScannedDomain;
import io.mailsweep.store.ResultRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chunk of finished scans in the chunk's transaction: a domain counts as scanned exactly
 * when its result is committed, which is what a restarted partition goes by.
 */
public class ScanResultWriter implements ItemWriter<ScannedDomain> {
  private final ResultRepository results;
  private final long runId;
  private final ProgressMeter progress;

  public ScanResultWriter(ResultRepository results, long runId, ProgressMeter progress) {
    this.results = results;
    this.runId = runId;
    this.progress = progress;
  }

  @Override
  public void write(Chunk<? extends ScannedDomain> chunk) {
    List<ScannedDomain> done = new ArrayList<>(chunk.getItems());
    results.save(runId, done);
    progress.advance(done.size());
  }
}
