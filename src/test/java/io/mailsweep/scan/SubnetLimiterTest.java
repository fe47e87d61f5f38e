package io.mailsweep.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The per-subnet cap with probes that end when the test says so: who starts, and when. */
class SubnetLimiterTest {
  private final List<String> started = new ArrayList<>();
  private final List<CompletableFuture<String>> running = new ArrayList<>();

  private static InetAddress ip(String text) {
    return InetAddresses.forString(text);
  }

  private CompletableFuture<String> submit(SubnetLimiter limiter, String address) {
    return limiter.submit(ip(address), () -> {
      started.add(address);
      CompletableFuture<String> probe = new CompletableFuture<>();
      running.add(probe);
      return probe;
    });
  }

  @Test
  void overTheCapAProbeWaitsForOneOfItsSubnetToEnd() {
    SubnetLimiter limiter = new SubnetLimiter(2);
    CompletableFuture<String> first = submit(limiter, "192.0.2.1");
    submit(limiter, "192.0.2.2");
    CompletableFuture<String> third = submit(limiter, "192.0.2.3");
    CompletableFuture<String> fourth = submit(limiter, "192.0.2.4");
    assertThat(started).containsExactly("192.0.2.1", "192.0.2.2");

    running.get(0).complete("done");
    assertThat(first).isCompletedWithValue("done");
    assertThat(started).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
    assertThat(third).isNotDone();
    assertThat(fourth).isNotDone();
  }

  @Test
  void anotherSubnetIsNotHeldUp() {
    SubnetLimiter limiter = new SubnetLimiter(1);
    submit(limiter, "192.0.2.1");
    submit(limiter, "192.0.2.254");
    submit(limiter, "192.0.3.1");
    submit(limiter, "2001:db8:1::1");
    submit(limiter, "2001:db8:1:ffff::2");
    submit(limiter, "2001:db8:2::1");
    assertThat(started).containsExactly("192.0.2.1", "192.0.3.1", "2001:db8:1::1", "2001:db8:2::1");
    assertThat(SubnetLimiter.subnetOf(ip("2001:db8:1:ffff::2")))
        .hasToString("2001:db8:1::/48").isEqualTo(SubnetLimiter.subnetOf(ip("2001:db8:1::1")));
    assertThat(SubnetLimiter.subnetOf(ip("192.0.2.254"))).hasToString("192.0.2.0/24");
  }

  @Test
  void aFailedOrThrowingProbeFreesItsPlace() {
    SubnetLimiter limiter = new SubnetLimiter(1);
    CompletableFuture<Object> thrown = limiter.submit(ip("192.0.2.1"), () -> {
      throw new IllegalStateException("pool shut down");
    });
    assertThat(thrown).isCompletedExceptionally();
    submit(limiter, "192.0.2.2");
    CompletableFuture<String> waiting = submit(limiter, "192.0.2.3");
    running.get(0).completeExceptionally(new IllegalStateException("probe failed"));
    assertThat(started).containsExactly("192.0.2.2", "192.0.2.3");
    running.get(1).complete("ok");
    assertThat(waiting).isCompletedWithValue("ok");
  }

  @Test
  void subnetsWithNothingRunningAreForgotten() {
    SubnetLimiter limiter = new SubnetLimiter(1);
    for (int i = 0; i < 50; i++) {
      submit(limiter, "198.51." + i + ".1");
      submit(limiter, "198.51." + i + ".2");
    }
    assertThat(limiter.busySubnets()).isEqualTo(50);
    for (int i = 0; i < running.size(); i++) {
      running.get(i).complete("ok");
    }
    assertThat(started).hasSize(100);
    assertThat(limiter.busySubnets()).isZero();
  }
}
