package io.mailsweep.testing.dns;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * One zone's verdict on a name and type. {@code records} is the answer for {@code ANSWER}, the one
 * CNAME or DNAME for those kinds, the NS set for {@code DELEGATION}, and empty otherwise; owner
 * names are already those to put on the wire.
 */
record Lookup(Kind kind, List<Record> records) {
  enum Kind {
    ANSWER,
    CNAME,
    DNAME,
    DELEGATION,
    NODATA,
    NXDOMAIN
  }

  Lookup {
    records = List.copyOf(records);
  }

  static Lookup of(Kind kind) {
    return new Lookup(kind, List.of());
  }

  Record first() {
    return records.get(0);
  }
}
