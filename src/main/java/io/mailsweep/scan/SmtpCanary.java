package io.mailsweep.scan;

import com.google.common.net.InetAddresses;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.TargetGuard;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsRecord;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
import io.mailsweep.net.smtp.SmtpOutcome;
import io.mailsweep.net.smtp.SmtpProbe;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-of-run test of whether outbound SMTP works from this network at all: most cloud
 * networks drop port 25, and then every MX would look unreachable. Mail hosts that always listen
 * are probed; if none of them can be reached, the run skips its SMTP probes and says "not tested:
 * port blocked" instead of failing every domain.
 */
public final class SmtpCanary {
  /** What the canary found. */
  public enum State {
    /** A canary host answered: probes go ahead. */
    OPEN,
    /** Every canary address tried timed out or was refused: probes are skipped. */
    BLOCKED,
    /** No canary address could be tried (names did not resolve, or were refused by the guard). */
    UNKNOWN,
    /** No canary configured, or no check needs SMTP. */
    OFF
  }

  /** The canary's outcome with one line for the run record. */
  public record Reach(State state, String detail) {}

  private SmtpCanary() {}

  /** Probes the first resolvable, allowed address of each name in turn; stops at the first answer. */
  public static Reach check(Dns dns, SmtpProbe probe, TargetGuard guard, List<DomainName> names, int port) {
    if (names.isEmpty()) {
      return new Reach(State.OFF, "SMTP canary off");
    }
    List<String> tried = new ArrayList<>();
    for (DomainName name : names) {
      InetAddress address = firstAllowed(dns, guard, name);
      if (address == null) {
        continue;
      }
      SmtpProbeResult r = probe.probe(new InetSocketAddress(address, port));
      String what = name + " (" + InetAddresses.toAddrString(address) + ":" + port + ")";
      if (!unreachable(r.outcome())) {
        return new Reach(State.OPEN, "port " + port + " reachable: " + what + " answered");
      }
      tried.add(what + ": " + r.detail());
    }
    if (tried.isEmpty()) {
      return new Reach(State.UNKNOWN, "no SMTP canary host could be resolved and contacted ("
          + names.stream().map(DomainName::text).reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }
    return new Reach(State.BLOCKED, "outbound port " + port + " blocked from this network: " + String.join("; ", tried));
  }

  private static boolean unreachable(SmtpOutcome outcome) {
    return outcome == SmtpOutcome.CONNECT_TIMEOUT || outcome == SmtpOutcome.CONNECT_REFUSED
        || outcome == SmtpOutcome.IO_ERROR;
  }

  private static InetAddress firstAllowed(Dns dns, TargetGuard guard, DomainName name) {
    var answer = dns.query(name, RecordType.A).join();
    if (answer.status() != DnsStatus.ANSWER) {
      return null;
    }
    for (DnsRecord r : answer.records()) {
      if (InetAddresses.isInetAddress(r.data())) {
        InetAddress a = InetAddresses.forString(r.data());
        if (guard.check(a) == null) {
          return a;
        }
      }
    }
    return null;
  }
}
