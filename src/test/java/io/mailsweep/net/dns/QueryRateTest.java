package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** {@code --dns-qps}: what it accepts and which resolvers each value paces. */
class QueryRateTest {
  private static InetAddress ip(String text) {
    return InetAddresses.forString(text);
  }

  @Test
  void autoPacesTheWellKnownPublicResolversOnly() {
    for (String publicResolver : new String[] {"8.8.8.8", "8.8.4.4", "2001:4860:4860::8888",
        "2001:4860:4860:0:0:0:0:8844", "1.1.1.1", "1.0.0.1", "2606:4700:4700::1111", "2606:4700:4700::1001",
        "9.9.9.9", "149.112.112.112", "2620:fe::fe", "2620:fe::9", "208.67.222.222", "208.67.220.220"}) {
      assertThat(QueryRate.AUTO.forResolver(ip(publicResolver))).as(publicResolver).isEqualTo(100);
    }
    for (String other : new String[] {"127.0.0.1", "::1", "10.0.0.53", "8.8.8.9", "1.1.1.2", "2620:fe::10"}) {
      assertThat(QueryRate.AUTO.forResolver(ip(other))).as(other).isZero();
    }
  }

  @Test
  void aNumberPacesEveryResolverAndNonePacesNone() {
    assertThat(QueryRate.parse("20").forResolver(ip("127.0.0.1"))).isEqualTo(20);
    assertThat(QueryRate.parse("20").forResolver(ip("8.8.8.8"))).isEqualTo(20);
    assertThat(QueryRate.parse("none").forResolver(ip("8.8.8.8"))).isZero();
    assertThat(QueryRate.parse("0")).isEqualTo(QueryRate.NONE);
  }

  @Test
  void readsBackWhatItWrites() {
    for (QueryRate rate : new QueryRate[] {QueryRate.AUTO, QueryRate.NONE, QueryRate.of(1), QueryRate.of(250)}) {
      assertThat(QueryRate.parse(rate.text())).isEqualTo(rate);
    }
    assertThat(QueryRate.parse(" Auto ")).isEqualTo(QueryRate.AUTO);
    assertThat(QueryRate.describe(100)).isEqualTo("100/s");
    assertThat(QueryRate.describe(0)).isEqualTo("none");
  }

  @Test
  void anythingElseIsRefusedSayingWhatIsAccepted() {
    for (String bad : new String[] {"-1", "fast", "1.5", "", "1000001", "99999999999"}) {
      assertThatThrownBy(() -> QueryRate.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("queries per second").hasMessageContaining("auto");
    }
  }
}
