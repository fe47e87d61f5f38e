package io.mailsweep.check.spf.conformance;

import io.mailsweep.testing.dns.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A scenario's {@code zonedata} as one root zone, read with the conventions of the suite's own
 * driver (pyspf's {@code test/testspf.py}), and served on a root zone so that no name falls outside
 * it (names not in the data are NXDOMAIN):
 *
 * <ul>
 *   <li>owner names are case-insensitive and a trailing dot is optional; a later spelling of the
 *       same name replaces an earlier one (with a note);
 *   <li>{@code TXT: NONE} means "no TXT record" (and so does {@code SPF: NONE} for SPF);
 *   <li>a name with no TXT entry at all also gets each of its SPF records as a TXT record, after
 *       all its other entries: most of the suite writes SPF and means "the SPF record";
 *   <li>a bare {@code TIMEOUT} entry: queries of a type with a record listed before it are answered
 *       with those records, queries of every other type are never answered, and entries after it
 *       (including generated TXT records) are never served.
 * </ul>
 *
 * <p>What DNS cannot carry as written is adapted or skipped, each time with a note: identical
 * records at one name are one RRset member (RFC 2181 §5); a string over 255 octets is split into
 * several character-strings of one record (RFC 7208 §3.3 joins them again); a record with no
 * strings is served with empty RDATA; an empty MX, PTR or CNAME target is the root name; names with
 * an empty or over-long label and unparsable addresses are skipped; a CNAME pushes out other data
 * at its name (RFC 1034 §3.6.2).
 */
final class SuiteZones {
  static final String NAME_SERVER = "ns.spf-suite.invalid.";

  private static final String APEX =
      "$TTL 300\n"
          + ". IN SOA "
          + NAME_SERVER
          + " hostmaster.spf-suite.invalid. 1 3600 600 86400 300\n"
          + ". IN NS "
          + NAME_SERVER
          + "\n";

  private static final String NONE = "NONE";

  private SuiteZones() {}

  static ScenarioZone build(SuiteScenario scenario) {
    List<String> notes = new ArrayList<>();
    List<ScenarioZone.FaultRule> faults = new ArrayList<>();
    StringBuilder zone = new StringBuilder("; ").append(scenario.description()).append('\n');
    zone.append(APEX);
    byLowerCaseName(scenario.zoneData(), notes)
        .forEach((name, entries) -> owner(name, entries, zone, faults, notes));
    return new ScenarioZone(zone.toString(), faults, notes);
  }

  private static Map<String, List<SuiteRecord>> byLowerCaseName(
      Map<String, List<SuiteRecord>> zoneData, List<String> notes) {
    Map<String, List<SuiteRecord>> out = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    zoneData.forEach(
        (name, entries) -> {
          String key = name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
          if (out.put(key, entries) != null) {
            notes.add(name + ": replaces the entries of " + spelling.get(key) + " (same name)");
          }
          spelling.put(key, name);
        });
    return out;
  }

  /** The entries as the suite's driver serves them (see the class comment). */
  static List<SuiteRecord> driverView(List<SuiteRecord> entries) {
    boolean anyTxt = entries.stream().anyMatch(e -> e.type().equals("TXT"));
    List<SuiteRecord> view = new ArrayList<>();
    List<SuiteRecord> generated = new ArrayList<>();
    for (SuiteRecord e : entries) {
      boolean none = e.isText() && e.values().equals(List.of(NONE));
      if (!none) {
        view.add(e);
      }
      if (e.type().equals("SPF") && !none && !anyTxt) {
        generated.add(new SuiteRecord("TXT", e.values()));
      }
    }
    view.addAll(generated);
    return view;
  }

  private static void owner(
      String name,
      List<SuiteRecord> entries,
      StringBuilder zone,
      List<ScenarioZone.FaultRule> faults,
      List<String> notes) {
    String owner;
    try {
      owner = MasterText.absoluteName(name);
    } catch (IllegalArgumentException e) {
      notes.add("skipped all records of " + name + ": " + e.getMessage());
      return;
    }
    List<SuiteRecord> view = driverView(entries);
    int timeout = indexOfTimeout(view);
    List<SuiteRecord> served = timeout < 0 ? view : view.subList(0, timeout);
    if (timeout >= 0) {
      noteUnreachable(name, entries, view.subList(timeout + 1, view.size()), notes);
      timeoutRules(owner, served, faults);
    }
    zone.append(lines(name, owner, served, notes));
  }

  private static int indexOfTimeout(List<SuiteRecord> view) {
    for (int i = 0; i < view.size(); i++) {
      if (view.get(i).isTimeoutMarker()) {
        return i;
      }
    }
    return -1;
  }

  /** Notes written entries (not generated TXT copies) that come after TIMEOUT. */
  private static void noteUnreachable(
      String name, List<SuiteRecord> written, List<SuiteRecord> after, List<String> notes) {
    for (SuiteRecord r : after) {
      if (written.contains(r) && !r.isTimeoutMarker()) {
        notes.add(name + ": " + r + " comes after TIMEOUT and is never served");
      }
    }
  }

  /** Types listed before TIMEOUT answer normally (a zero delay); every other type never does. */
  private static void timeoutRules(
      String owner, List<SuiteRecord> served, List<ScenarioZone.FaultRule> faults) {
    Set<String> answered = new LinkedHashSet<>();
    served.forEach(r -> answered.add(r.type()));
    for (String type : answered) {
      faults.add(new ScenarioZone.FaultRule(owner, type, Fault.delay(Duration.ZERO)));
    }
    faults.add(new ScenarioZone.FaultRule(owner, "*", Fault.timeout()));
  }

  private static String lines(
      String name, String owner, List<SuiteRecord> records, List<String> notes) {
    StringBuilder lines = new StringBuilder();
    Set<Record> seen = new HashSet<>();
    boolean cname = records.stream().anyMatch(r -> r.type().equals("CNAME"));
    for (SuiteRecord r : records) {
      if (cname && !r.type().equals("CNAME")) {
        notes.add(name + ": " + r + " dropped beside its CNAME (RFC 1034 §3.6.2)");
        continue;
      }
      String rdata = RecordText.rdata(r, name, notes);
      Record parsed = rdata == null ? null : parse(name, owner, r.type(), rdata, notes);
      if (parsed == null) {
        continue;
      }
      if (seen.add(parsed)) {
        lines.append(owner).append(" IN ").append(r.type()).append(' ').append(rdata).append('\n');
      } else {
        notes.add(name + ": duplicate " + r + " is served once (one RRset, RFC 2181 §5)");
      }
    }
    return lines.toString();
  }

  /** The record as dnsjava reads the line: for RRset equality, and to reject a bad line alone. */
  private static Record parse(
      String name, String owner, String type, String rdata, List<String> notes) {
    try {
      return Record.fromString(
          Name.fromString(owner), Type.value(type), DClass.IN, 300, rdata, Name.root);
    } catch (IOException e) {
      notes.add(name + ": skipped " + type + " " + rdata + ": " + e.getMessage());
      return null;
    }
  }
}
