package io.mailsweep.check.spf.conformance;

import java.util.List;

/**
 * One entry of a scenario's {@code zonedata}, as written: no conventions of the suite's driver are
 * applied yet (see {@link SuiteZones}).
 *
 * @param type the record type ({@code TXT}, {@code SPF}, {@code A}, {@code AAAA}, {@code MX},
 *     {@code PTR}, {@code CNAME}), or {@link #TIMEOUT_MARKER} for the bare {@code TIMEOUT} entry
 * @param values TXT/SPF: the character-strings of one record (possibly none); MX: the preference
 *     and the exchange; otherwise the one value
 */
record SuiteRecord(String type, List<String> values) {
  static final String TIMEOUT_MARKER = "TIMEOUT";

  static final SuiteRecord TIMEOUT = new SuiteRecord(TIMEOUT_MARKER, List.of());

  SuiteRecord {
    values = List.copyOf(values);
  }

  boolean isTimeoutMarker() {
    return type.equals(TIMEOUT_MARKER);
  }

  boolean isText() {
    return type.equals("TXT") || type.equals("SPF");
  }

  /** As in the notes: {@code TXT ["v=spf1 ", "-all"]}. */
  @Override
  public String toString() {
    if (isTimeoutMarker()) {
      return TIMEOUT_MARKER;
    }
    StringBuilder s = new StringBuilder(type).append(" [");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "\"" : ", \"").append(values.get(i)).append('"');
    }
    return s.append(']').toString();
  }

  /** The only value, for the single-valued types. */
  String value() {
    if (values.size() != 1) {
      throw new IllegalStateException(type + " has " + values.size() + " values");
    }
    return values.get(0);
  }
}
