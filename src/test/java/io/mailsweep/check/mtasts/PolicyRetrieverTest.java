package io.mailsweep.check.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.https.FetchOutcome;
import io.mailsweep.net.https.FetchResult;
import io.mailsweep.net.https.PolicyFetcher;
import io.mailsweep.net.https.PolicyRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Address order, the second attempt and the guard, with DNS and the fetcher as fakes (no network). */
class PolicyRetrieverTest {
  static final Dns DNS = (name, type) -> CompletableFuture.completedFuture(new DnsAnswer(name, type, DnsStatus.ANSWER,
      List.of(new DnsRecord(name.text(), type, 300, switch (type) {
        case A -> "192.0.2.1";
        default -> "2001:db8::1";
      }, List.of())), List.of(), null, false, 1));

  final List<String> asked = new CopyOnWriteArrayList<>();

  PolicyFetcher answering(FetchOutcome first, FetchOutcome then) {
    return request -> {
      asked.add(request.address().getHostAddress() + " " + request.authority());
      FetchOutcome o = asked.size() == 1 ? first : then;
      return CompletableFuture.completedFuture(o == FetchOutcome.OK
          ? new FetchResult(o, 200, "text/plain", "version: STSv1\n", null, "HTTP 200", 1)
          : FetchResult.failure(o, o.name()));
    };
  }

  @Test
  void aFetchThatCouldNotTestIsRetriedOnTheNextAddress() {
    PolicyRetrieval r = new PolicyRetriever(DNS, address -> null, answering(FetchOutcome.TIMEOUT, FetchOutcome.OK),
        8443).retrieve(DomainName.of("vendor.test")).join();
    assertThat(asked).containsExactly("192.0.2.1 mta-sts.vendor.test:8443",
        "2001:db8:0:0:0:0:0:1 mta-sts.vendor.test:8443");
    assertThat(r.attempts()).hasSize(2);
    assertThat(r.result().outcome()).isEqualTo(FetchOutcome.OK);
    assertThat(r.attempts().get(0).url()).isEqualTo("https://mta-sts.vendor.test:8443" + PolicyRequest.MTA_STS_PATH);
  }

  @Test
  void aConclusiveAnswerEndsTheRetrieval() {
    PolicyRetrieval r = new PolicyRetriever(DNS, address -> null,
        answering(FetchOutcome.HTTP_STATUS, FetchOutcome.OK), 443).retrieve(DomainName.of("vendor.test")).join();
    assertThat(asked).hasSize(1);
    assertThat(r.result().outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
  }

  @Test
  void refusedAddressesAreRecordedAndSkipped() {
    PolicyRetrieval r = new PolicyRetriever(DNS, address -> address.getAddress().length == 4
        ? new TargetGuard.Refusal(false, "outside the allowed targets") : null,
        answering(FetchOutcome.OK, FetchOutcome.OK), 443).retrieve(DomainName.of("vendor.test")).join();
    assertThat(r.refused()).extracting(PolicyRetrieval.Refused::address).containsExactly("192.0.2.1");
    assertThat(asked).containsExactly("2001:db8:0:0:0:0:0:1 mta-sts.vendor.test");
  }

  @Test
  void addressLiteralsAreReadWithoutResolving() {
    assertThat(TargetGuard.literal("192.0.2.1")).isNotNull();
    assertThat(TargetGuard.literal("::1")).isNotNull();
    assertThat(TargetGuard.literal("2001:db8::1")).isNotNull();
    assertThat(TargetGuard.literal("mail.example.com")).isNull();
    assertThat(TargetGuard.literal("zz:1")).isNull();
    assertThat(TargetGuard.literal("999.1.1.1")).isNull();
  }

  @Test
  void aNameTooLongForThePolicyHostIsNotRetrieved() {
    String label = "a".repeat(60);
    DomainName domain = DomainName.of(String.join(".", label, label, label, label, "abcde"));
    assertThat(new PolicyRetriever(DNS, address -> null, answering(FetchOutcome.OK, FetchOutcome.OK), 443)
        .retrieve(domain).join()).isNull();
  }
}
