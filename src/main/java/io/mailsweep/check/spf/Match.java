package io.mailsweep.check.spf;

/**
 * The outcome of evaluating one mechanism: it matched, it did not, or evaluation must stop with
 * an error result (RFC 7208 §4.6.2: temperror and permerror end check_host()).
 */
record Match(Kind kind, String problem) {
  enum Kind {
    MATCH,
    NO_MATCH,
    TEMPERROR,
    PERMERROR
  }

  static final Match YES = new Match(Kind.MATCH, null);
  static final Match NO = new Match(Kind.NO_MATCH, null);

  static Match of(boolean matched) {
    return matched ? YES : NO;
  }

  static Match temperror(String problem) {
    return new Match(Kind.TEMPERROR, problem);
  }

  static Match permerror(String problem) {
    return new Match(Kind.PERMERROR, problem);
  }

  boolean isError() {
    return kind == Kind.TEMPERROR || kind == Kind.PERMERROR;
  }

  SpfResult errorResult() {
    return kind == Kind.TEMPERROR ? SpfResult.TEMPERROR : SpfResult.PERMERROR;
  }
}
