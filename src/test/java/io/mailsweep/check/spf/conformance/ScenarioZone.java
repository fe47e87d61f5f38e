package io.mailsweep.check.spf.conformance;

import io.mailsweep.testing.dns.Fault;
import io.mailsweep.testing.dns.LabDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's DNS data ready to serve: one master file for the root zone, the fault rules that
 * make names time out, and what could not be served as written.
 *
 * @param masterFile RFC 1035 master-file text, ASCII only (every other octet is escaped)
 * @param faults rules to add in this order (the lab server applies the first that matches)
 * @param notes one line per entry of the YAML that is served differently from how it is written, or
 *     not at all
 */
record ScenarioZone(String masterFile, List<FaultRule> faults, List<String> notes) {

  /** A rule for {@link LabDnsServer#fault}: {@code name} in master-file form, {@code type} or *. */
  record FaultRule(String name, String type, Fault fault) {}

  ScenarioZone {
    faults = List.copyOf(faults);
    notes = List.copyOf(notes);
  }

  /** Writes the master file to {@code file} and serves it, faults included, on 127.0.0.1. */
  LabDnsServer serve(Path file) throws IOException {
    Files.writeString(file, masterFile, StandardCharsets.US_ASCII);
    LabDnsServer server = LabDnsServer.start(List.of(file));
    faults.forEach(rule -> server.fault(rule.name(), rule.type(), rule.fault()));
    return server;
  }
}
