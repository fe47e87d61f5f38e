package io.mailsweep.job;

import io.mailsweep.input.DomainNormaliser;
import io.mailsweep.input.InputRow;
import io.mailsweep.input.Normalised;
import io.mailsweep.store.CsvCells;
import io.mailsweep.store.ImportedRow;
import io.mailsweep.store.ImportedRow.Disposition;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Normalises one input row; rejected rows are kept with their reason, never dropped. */
public final class ImportProcessor implements ItemProcessor<InputRow, ImportedRow> {
  private static final int MAX_RAW = 1000;

  private final DomainNormaliser normaliser = new DomainNormaliser();

  @Override
  public ImportedRow process(InputRow row) {
    String raw = row.rawValue() == null ? "" : row.rawValue();
    String stored = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW - 1) + "…" : raw;
    String extras = CsvCells.encode(row.extras());
    if (!row.wellFormed()) {
      return new ImportedRow(row.lineNo(), stored, null, Disposition.REJECTED, row.problem(), extras);
    }
    Normalised result = normaliser.normalise(raw);
    if (result instanceof Normalised.Accepted accepted) {
      return new ImportedRow(row.lineNo(), stored, accepted.domain().text(), Disposition.ACCEPTED, null, extras);
    }
    String reason = ((Normalised.Rejected) result).reason();
    return new ImportedRow(row.lineNo(), stored, null, Disposition.REJECTED, reason, extras);
  }
}
