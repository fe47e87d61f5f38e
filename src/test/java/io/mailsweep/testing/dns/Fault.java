package io.mailsweep.testing.dns;

import java.time.Duration;
import java.util.Locale;

/**
 * A scripted misbehaviour of {@link LabDnsServer} for the queries a rule matches. {@code arg} is
 * the delay in milliseconds for {@link Effect#DELAY}, the number of failed queries for {@link
 * Effect#SERVFAIL_FIRST}, and 0 otherwise.
 */
public record Fault(Effect effect, long arg) {

  /** The effects; their names are the tokens of a faults file. */
  public enum Effect {
    /** Never answer, over UDP or TCP. */
    TIMEOUT,
    /** Answer SERVFAIL with no records. */
    SERVFAIL,
    /** Answer REFUSED with no records. */
    REFUSED,
    /**
     * Over UDP answer with TC set and an empty answer section, whatever the size; TCP is normal.
     */
    TRUNCATE,
    /** Answer normally after {@code arg} (at least 0) milliseconds, holding up no other query. */
    DELAY(0),
    /**
     * SERVFAIL for the first {@code arg} (at least 1) matching queries of each query type, then
     * answer normally: a client that retries succeeds.
     */
    SERVFAIL_FIRST(1);

    private final long minArg;
    private final boolean takesArg;

    Effect() {
      this.minArg = 0;
      this.takesArg = false;
    }

    Effect(long minArg) {
      this.minArg = minArg;
      this.takesArg = true;
    }

    boolean takesArg() {
      return takesArg;
    }
  }

  public Fault {
    if (effect.takesArg ? arg < effect.minArg : arg != 0) {
      throw new IllegalArgumentException(effect + " does not take " + arg);
    }
  }

  public static Fault timeout() {
    return new Fault(Effect.TIMEOUT, 0);
  }

  public static Fault servfail() {
    return new Fault(Effect.SERVFAIL, 0);
  }

  public static Fault refused() {
    return new Fault(Effect.REFUSED, 0);
  }

  public static Fault truncate() {
    return new Fault(Effect.TRUNCATE, 0);
  }

  public static Fault delay(Duration delay) {
    return new Fault(Effect.DELAY, delay.toMillis());
  }

  public static Fault servfailFirst(int queries) {
    return new Fault(Effect.SERVFAIL_FIRST, queries);
  }

  /**
   * Parses the effect and optional argument of a faults-file line, e.g. {@code DELAY 300}.
   *
   * @throws IllegalArgumentException for an unknown effect or a missing, extra or bad argument
   */
  public static Fault parse(String effect, String arg) {
    Effect e;
    try {
      e = Effect.valueOf(effect.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("unknown effect '" + effect + "'", ex);
    }
    if (e.takesArg() != (arg != null)) {
      throw new IllegalArgumentException(
          e + (e.takesArg() ? " needs a number" : " takes no argument"));
    }
    try {
      return new Fault(e, arg == null ? 0 : Long.parseLong(arg));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("bad number '" + arg + "' for " + e, ex);
    }
  }
}
