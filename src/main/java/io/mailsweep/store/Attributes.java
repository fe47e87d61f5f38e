package io.mailsweep.store;

import io.mailsweep.check.CheckResult.Attribute;
import java.util.ArrayList;
import java.util.List;

/** The check_result.attributes column: one {@code name=value} line per attribute, in order. */
public final class Attributes {
  private Attributes() {}

  static String encode(List<Attribute> attributes) {
    StringBuilder s = new StringBuilder();
    for (Attribute a : attributes) {
      s.append(flat(a.name()).replace('=', ' ')).append('=').append(flat(a.value())).append('\n');
    }
    return s.toString();
  }

  /** The attributes of a stored column; empty for null. */
  public static List<Attribute> decode(String column) {
    List<Attribute> out = new ArrayList<>();
    if (column == null) {
      return out;
    }
    for (String line : column.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.add(new Attribute(line.substring(0, eq), line.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String flat(String text) {
    return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
  }
}
