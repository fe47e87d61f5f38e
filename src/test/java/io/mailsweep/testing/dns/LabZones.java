package io.mailsweep.testing.dns;

/** Zone files shared by the lab server's tests. */
final class LabZones {
  /** TXT records at big.lab.test: together over 512 bytes, each well under. */
  static final int BIG_TXT_RECORDS = 8;

  static final String LAB =
      """
      $ORIGIN lab.test.
      $TTL 300
      @         IN SOA   ns1 hostmaster 1 3600 600 86400 60
      @         IN NS    ns1
      ns1       IN A     127.0.0.1
      www       IN A     127.0.2.10
      www       IN AAAA  ::1
      multi     IN TXT   "v=spf1 " "include:_spf.lab.test" " -all"
      alias     IN CNAME www
      slow      IN TXT   "slow"
      flaky     IN A     127.0.2.3
      servfail  IN A     127.0.2.4
      """
          + bigTxt();

  private LabZones() {}

  private static String bigTxt() {
    StringBuilder zone = new StringBuilder();
    for (int i = 0; i < BIG_TXT_RECORDS; i++) {
      zone.append("big IN TXT \"")
          .append(String.valueOf((char) ('a' + i)).repeat(100))
          .append("\"\n");
    }
    return zone.toString();
  }
}
