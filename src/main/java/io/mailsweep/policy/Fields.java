package io.mailsweep.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One YAML mapping of a profile file, read key by key with errors that say where. */
final class Fields {
  private final Map<String, Object> map;
  private final Where where;

  private Fields(Map<String, Object> map, Where where) {
    this.map = map;
    this.where = where;
  }

  /** The mapping at {@code where}; an error naming {@code what} if the node is not one. */
  static Fields of(Object node, Where where, String what) {
    if (!(node instanceof Map<?, ?> m)) {
      throw where.error(what + " must be a mapping of key: value, not " + Yaml12.describe(node));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return new Fields(out, where);
  }

  Where where() {
    return where;
  }

  Set<String> keys() {
    return map.keySet();
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  Object raw(String key) {
    return map.get(key);
  }

  /** Fails on the first key not in {@code allowed}, listing them. */
  void allow(Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw where.error("unknown key '" + key + "'; known keys: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A scalar as text, trimmed; null when absent and not required. */
  String text(String key, boolean required, int maxLength) {
    Object v = map.get(key);
    if (v == null) {
      if (required) {
        throw where.error("'" + key + "' is required");
      }
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw where.key(key).error("must be text, not " + Yaml12.describe(v));
    }
    String s = String.valueOf(v).trim();
    if (required && s.isEmpty()) {
      throw where.key(key).error("must not be empty");
    }
    if (s.length() > maxLength) {
      throw where.key(key).error("is longer than " + maxLength + " characters");
    }
    return s;
  }

  int integer(String key, int absent, int min, int max) {
    Object v = map.get(key);
    if (v == null) {
      return absent;
    }
    if (!(v instanceof Integer i) || i < min || i > max) {
      throw where.key(key).error("must be a whole number from " + min + " to " + max + ", not " + v);
    }
    return i;
  }
}
