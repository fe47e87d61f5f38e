package io.mailsweep.policy;

/**
 * A place in a profile file, for error messages: the file, the rule (null outside rules) and the
 * path of keys within it, e.g. {@code pass-if.all[2].attribute}.
 */
record Where(String source, String rule, String path) {

  static Where file(String source) {
    return new Where(source, null, "");
  }

  Where rule(String id) {
    return new Where(source, id, "");
  }

  Where key(String key) {
    return new Where(source, rule, path.isEmpty() ? key : path + "." + key);
  }

  Where index(int i) {
    return new Where(source, rule, path + "[" + i + "]");
  }

  ProfileException error(String problem) {
    StringBuilder s = new StringBuilder(source).append(": ");
    if (rule != null) {
      s.append("rule '").append(rule).append("': ");
    }
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return new ProfileException(s.append(problem).toString());
  }
}
