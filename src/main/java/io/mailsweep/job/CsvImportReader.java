package io.mailsweep.job;

import io.mailsweep.input.CsvDomainReader;
import io.mailsweep.input.CsvLimits;
import io.mailsweep.input.InputRow;
import io.mailsweep.store.RunRepository;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the input CSV into the import step. Its position (records read) is saved with each
 * committed chunk; a restarted import skips what was already stored.
 */
public class CsvImportReader implements ItemStreamReader<InputRow> {
  private static final String READ = "records.read";

  private final ScanRequest request;
  private final long runId;
  private final RunRepository runs;
  private CsvDomainReader reader;
  private long read;

  public CsvImportReader(JobParameters parameters, RunRepository runs) {
    this.request = RunParameters.request(parameters);
    this.runId = RunParameters.runId(parameters);
    this.runs = runs;
  }

  public long runId() {
    return runId;
  }

  @Override
  public void open(ExecutionContext context) {
    try {
      reader = CsvDomainReader.open(request.input(), request.column(), CsvLimits.DEFAULTS);
      runs.recordInputShape(runId, reader.domainColumnName(), reader.extraColumnNames());
      read = context.getLong(READ, 0L);
      reader.skip(read);
    } catch (Exception e) {
      throw new ItemStreamException("cannot read " + request.input() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputRow read() throws Exception {
    InputRow row = reader.next();
    if (row != null) {
      read++;
    }
    return row;
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(READ, read);
  }

  @Override
  public void close() {
    if (reader != null) {
      try {
        reader.close();
      } catch (java.io.IOException e) {
        throw new ItemStreamException(e);
      }
      reader = null;
    }
  }
}
