package io.mailsweep.testing.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An owner name and a type as the lab server keys counters and fault rules. Names compare
 * case-insensitively and are absolute; {@link #ANY_TYPE} is the {@code *} of a fault rule, distinct
 * from the ANY query type.
 */
record QueryKey(Name name, int type) {
  static final int ANY_TYPE = -1;

  QueryKey {
    name = name.canonicalize();
  }

  /** Parses a name (relative names are taken as absolute) and a type mnemonic or {@code *}. */
  static QueryKey of(String name, String type) {
    return new QueryKey(parseName(name), parseType(type));
  }

  QueryKey anyType() {
    return new QueryKey(name, ANY_TYPE);
  }

  private static Name parseName(String name) {
    try {
      return Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("bad name '" + name + "': " + e.getMessage(), e);
    }
  }

  private static int parseType(String type) {
    if (type.equals("*")) {
      return ANY_TYPE;
    }
    int value = Type.value(type);
    if (value < 0) {
      throw new IllegalArgumentException("unknown type '" + type + "'");
    }
    return value;
  }
}
