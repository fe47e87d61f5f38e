package io.mailsweep.testing.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/** The zones a lab server is authoritative for; the deepest zone containing a name serves it. */
final class ServedZones {
  private final List<ServedZone> zones;

  private ServedZones(List<ServedZone> zones) {
    this.zones = List.copyOf(zones);
  }

  /**
   * Loads RFC 1035 master files. Each names its own origin with {@code $ORIGIN} (or absolute names)
   * and holds exactly one SOA, whose owner is taken as the zone's origin.
   *
   * @throws IOException naming the file, for unreadable or invalid zones
   * @throws IllegalArgumentException when two files have the same origin, or none is given
   */
  static ServedZones load(List<Path> files) throws IOException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no zone files");
    }
    List<ServedZone> zones = new ArrayList<>();
    for (Path file : files) {
      ServedZone zone = new ServedZone(read(file));
      if (zones.stream().anyMatch(z -> z.origin().equals(zone.origin()))) {
        throw new IllegalArgumentException(file + ": zone " + zone.origin() + " is loaded twice");
      }
      zones.add(zone);
    }
    return new ServedZones(zones);
  }

  /** The {@code *.zone} files directly in {@code dir}, sorted by name. */
  static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".zone") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  /** The deepest served zone at or above {@code name}, or null if none is. */
  ServedZone find(Name name) {
    ServedZone best = null;
    for (ServedZone z : zones) {
      if (name.subdomain(z.origin()) && (best == null || z.origin().subdomain(best.origin()))) {
        best = z;
      }
    }
    return best;
  }

  private static Zone read(Path file) throws IOException {
    try {
      List<Record> records = records(file);
      List<Name> soaOwners =
          records.stream().filter(r -> r.getType() == Type.SOA).map(Record::getName).toList();
      if (soaOwners.size() != 1) {
        throw new IOException("expected one SOA record, found " + soaOwners.size());
      }
      return new Zone(soaOwners.get(0), records.toArray(new Record[0]));
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Record> records(Path file) throws IOException {
    List<Record> records = new ArrayList<>();
    try (Master master = new Master(file.toString())) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        records.add(r);
      }
    }
    return records;
  }
}
