package io.mailsweep.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's decisions as a pure function: nothing here opens a socket. */
class TargetPolicyTest {

  private static TargetGuard.Refusal check(TargetGuard guard, String address) {
    return guard.check(InetAddresses.forString(address));
  }

  @Test
  void byDefaultSpecialAddressesAreRefusedAndGlobalOnesAllowed() {
    TargetPolicy policy = TargetPolicy.publicOnly();
    assertThat(check(policy, "8.8.8.8")).isNull();
    assertThat(check(policy, "2a00:1450::1")).isNull();
    TargetGuard.Refusal metadata = check(policy, "169.254.169.254");
    assertThat(metadata.special()).isTrue();
    assertThat(metadata.reason()).contains("169.254.169.254", "link-local");
    assertThat(check(policy, "10.0.0.1").reason()).contains("private");
    assertThat(check(policy, "127.0.0.1").reason()).contains("loopback");
    assertThat(check(policy, "::ffff:192.168.0.1").reason()).contains("private");
  }

  @Test
  void allowTargetsIsAnExactAllowList() {
    TargetPolicy policy = TargetPolicy.only(List.of(CidrRange.parse("127.0.25.0/24")));
    assertThat(check(policy, "127.0.25.25")).isNull();
    TargetGuard.Refusal outside = check(policy, "127.0.99.1");
    assertThat(outside.special()).isFalse();
    assertThat(outside.reason()).contains("outside --allow-targets 127.0.25.0/24");
    assertThat(check(policy, "8.8.8.8")).isNotNull();
    assertThat(check(policy, "169.254.169.254")).isNotNull();
    assertThat(policy.describe()).isEqualTo("127.0.25.0/24");
  }

  @Test
  void privateTargetsCanBeAllowedButNeverUnconnectableOnes() {
    TargetPolicy policy = TargetPolicy.includingPrivate();
    assertThat(check(policy, "10.0.0.1")).isNull();
    assertThat(check(policy, "127.0.0.1")).isNull();
    assertThat(check(policy, "0.0.0.0")).isNotNull();
    assertThat(check(policy, "224.0.0.1")).isNotNull();
    assertThat(check(policy, "::")).isNotNull();
  }

  @Test
  void cidrRangesParseAndMatch() {
    CidrRange r = CidrRange.parse("127.0.25.7/24");
    assertThat(r).hasToString("127.0.25.0/24");
    assertThat(r.contains(InetAddresses.forString("127.0.25.255"))).isTrue();
    assertThat(r.contains(InetAddresses.forString("127.0.26.0"))).isFalse();
    assertThat(r.contains(InetAddresses.forString("::1"))).isFalse();
    assertThat(CidrRange.parse("::1")).hasToString("::1/128");
    assertThat(CidrRange.parse("fd00::/8").contains(InetAddresses.forString("fd12::1"))).isTrue();
    assertThatThrownBy(() -> CidrRange.parse("127.0.25.0/33")).hasMessageContaining("invalid prefix");
    assertThatThrownBy(() -> CidrRange.parse("mx.example.com/24")).hasMessageContaining("not an address range");
    assertThatThrownBy(() -> CidrRange.parse("127.0.25.0/x")).hasMessageContaining("invalid prefix");
  }
}
