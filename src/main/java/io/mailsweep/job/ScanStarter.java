package io.mailsweep.job;

import io.mailsweep.check.ScanTarget;
import io.mailsweep.domain.DomainName;
import io.mailsweep.store.CsvCells;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.mailsweep.scan.DomainScanner;
import io.mailsweep.scan.ScannedDomain;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Starts the scan of one domain and returns at once; the {@link WindowedScanReader} keeps many in
 * flight and hands each out when it finishes.
 */
public final class ScanStarter implements Function<ScanItem, CompletableFuture<ScannedDomain>> {
  private final DomainScanner scanner;
  private final List<String> columnNames;

  /** @param columnNames the header names of the run's carried input columns */
  public ScanStarter(DomainScanner scanner, List<String> columnNames) {
    this.scanner = scanner;
    this.columnNames = columnNames.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public CompletableFuture<ScannedDomain> apply(ScanItem item) {
    ScanTarget target = new ScanTarget(DomainName.of(item.domain()), columns(item.extras()));
    return scanner.scan(target).thenApply(s -> new ScannedDomain(item.inputRowId(), s));
  }

  private Map<String, String> columns(String extras) {
    List<String> values = CsvCells.decode(extras);
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < Math.min(values.size(), columnNames.size()); i++) {
      out.putIfAbsent(columnNames.get(i), values.get(i));
    }
    return out;
  }
}
