package io.mailsweep.job;

import io.mailsweep.domain.DomainName;
import io.mailsweep.scan.DomainScanner;
import io.mailsweep.scan.ScannedDomain;
import java.util.concurrent.CompletableFuture;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Starts the scan of one domain and returns at once: a chunk's domains are all in flight together
 * and the writer collects them.
 */
public class ScanProcessor implements ItemProcessor<ScanItem, CompletableFuture<ScannedDomain>> {
  private final DomainScanner scanner;

  public ScanProcessor(DomainScanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public CompletableFuture<ScannedDomain> process(ScanItem item) {
    return scanner.scan(DomainName.of(item.domain())).thenApply(s -> new ScannedDomain(item.inputRowId(), s));
  }
}
