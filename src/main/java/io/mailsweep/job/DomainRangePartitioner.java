package io.mailsweep.job;

import io.mailsweep.store.InputRowRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the run's accepted input rows into contiguous id ranges of about equal width, one per
 * partition. Ranges are stored in each partition's context, which is what makes a restarted run
 * resume every partition where it stopped.
 */
public final class DomainRangePartitioner implements Partitioner {
  static final String MIN_ID = "minId";
  static final String MAX_ID = "maxId";

  private final InputRowRepository rows;
  private final long runId;

  public DomainRangePartitioner(InputRowRepository rows, long runId) {
    this.rows = rows;
    this.runId = runId;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    long[] range = rows.acceptedIdRange(runId);
    if (range == null) {
      out.put("partition0", context(0, -1));
      return out;
    }
    long width = Math.max(1, (range[1] - range[0] + gridSize) / gridSize);
    int i = 0;
    for (long lo = range[0]; lo <= range[1]; lo += width) {
      out.put("partition" + i++, context(lo, Math.min(range[1], lo + width - 1)));
    }
    return out;
  }

  private static ExecutionContext context(long min, long max) {
    ExecutionContext ctx = new ExecutionContext();
    ctx.putLong(MIN_ID, min);
    ctx.putLong(MAX_ID, max);
    return ctx;
  }
}
