package io.mailsweep.check.spf;

/** An intermediate check_host() result with its explanation and, for errors, the reason. */
record Verdict(SpfResult result, String explanation, String problem) {
  static Verdict of(SpfResult result) {
    return new Verdict(result, null, null);
  }

  static Verdict error(SpfResult result, String problem) {
    return new Verdict(result, null, problem);
  }

  Verdict explained(String text) {
    return new Verdict(result, text, problem);
  }
}
