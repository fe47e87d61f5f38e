package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.Arrays;
import java.util.List;

/** Builds DNS answers for unit tests of code above the {@link Dns} port. */
public final class Answers {
  private Answers() {}

  public static DnsAnswer txt(String name, String... texts) {
    List<DnsRecord> records = Arrays.stream(texts)
        .map(t -> new DnsRecord(name, RecordType.TXT, 300, '"' + t + '"', List.of(t)))
        .toList();
    DnsStatus status = records.isEmpty() ? DnsStatus.NODATA : DnsStatus.ANSWER;
    return new DnsAnswer(DomainName.of(name), RecordType.TXT, status, records, List.of(), null, false, 1);
  }

  public static DnsAnswer status(String name, RecordType type, DnsStatus status) {
    return DnsAnswer.failure(DomainName.of(name), type, status, status + " for the test");
  }
}
