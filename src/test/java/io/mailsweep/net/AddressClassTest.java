package io.mailsweep.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification only: nothing here opens a socket. */
class AddressClassTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "169.254.169.254 | link-local",
      "10.0.0.1        | private",
      "172.16.5.4      | private",
      "172.31.255.255  | private",
      "192.168.1.1     | private",
      "100.64.0.1      | CGNAT",
      "127.0.0.1       | loopback",
      "127.0.99.1      | loopback",
      "0.0.0.0         | this network",
      "192.0.2.10      | TEST-NET-1",
      "198.51.100.7    | TEST-NET-2",
      "203.0.113.9     | TEST-NET-3",
      "198.18.0.1      | benchmarking",
      "224.0.0.251     | multicast",
      "255.255.255.255 | reserved",
      "::1             | loopback",
      "::              | unspecified",
      "fe80::1         | link-local",
      "fd00:ec2::254   | unique local",
      "fc00::1         | unique local",
      "2001:db8::25    | documentation",
      "ff02::1         | multicast",
      "::ffff:10.1.2.3 | private",
      "::ffff:169.254.169.254 | link-local",
      "2002:a00:1::1   | private",
      "64:ff9b::7f00:1 | loopback",
  })
  void specialPurposeAddressesAreNamed(String address, String kind) {
    assertThat(AddressClass.special(InetAddresses.forString(address))).contains(kind);
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "172.32.0.1", "100.128.0.1", "169.255.0.1", "192.0.3.1", "11.0.0.1",
      "2a00:1450:4001:80b::201a", "2001:4860::8888", "64:ff9b::808:808"})
  void globalAddressesAreNotSpecial(String address) {
    assertThat(AddressClass.special(InetAddresses.forString(address))).isNull();
  }
}
