package io.mailsweep.net.dns;

/** What the start-of-run canary learned about the resolvers. */
public record ResolverHealth(State state, String detail) {
  public enum State {
    /** Every canary name resolved. */
    OK,
    /** A name that must exist was denied: the resolver cannot see the internet (or lies). */
    BLIND,
    /** The canary got no usable answer at all: timeouts, SERVFAIL, REFUSED. */
    UNREACHABLE,
    /** The canary was switched off. */
    NOT_CHECKED
  }

  public static ResolverHealth notChecked() {
    return new ResolverHealth(State.NOT_CHECKED, "canary switched off");
  }

  public String describe() {
    return state + ": " + detail;
  }
}
