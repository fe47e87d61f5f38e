package io.mailsweep.net;

import java.net.NoRouteToHostException;

/** What a network exception says, as the probes' one-line details put it. */
public final class ExceptionText {
  /** The longest exception message a detail carries. */
  public static final int MAX_DETAIL = 300;

  private ExceptionText() {}

  /** The exception's message on one bounded line, or its type when it has none. */
  public static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = m.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
  }

  /** Whether {@code e} or one of its causes is a {@code type}. */
  public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Why a connection attempt failed, in words. */
  public static String connectError(Exception e) {
    return e instanceof NoRouteToHostException ? "no route to host" : "cannot connect: " + message(e);
  }
}
