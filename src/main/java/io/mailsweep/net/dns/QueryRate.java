package io.mailsweep.net.dns;

import java.net.InetAddress;
import java.util.Locale;

/**
 * How many queries per second each resolver is sent ({@code --dns-qps}): {@link #AUTO} paces the
 * {@link PublicResolvers well-known public resolvers} and leaves the others alone, {@link #NONE}
 * paces none, a number paces every resolver at that rate.
 *
 * @param automatic whether the rate depends on the resolver
 * @param perSecond the rate for every resolver when not automatic; 0 for no cap
 */
public record QueryRate(boolean automatic, int perSecond) {
  /** Past a million a second the pacing interval is under a microsecond: no cap worth the name. */
  public static final int MAX = 1_000_000;

  public static final QueryRate AUTO = new QueryRate(true, 0);
  public static final QueryRate NONE = new QueryRate(false, 0);

  public QueryRate {
    if (perSecond < 0 || perSecond > MAX || automatic && perSecond != 0) {
      throw new IllegalArgumentException("DNS queries per second must be 1.." + MAX + ", 0, none or auto");
    }
  }

  /** The same rate for every resolver; 0 for no cap. */
  public static QueryRate of(int perSecond) {
    return new QueryRate(false, perSecond);
  }

  /**
   * {@code auto}, {@code none}, {@code 0} (none) or a whole number of queries per second.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static QueryRate parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("auto")) {
      return AUTO;
    }
    if (t.equals("none")) {
      return NONE;
    }
    if (!t.matches("\\d{1,7}") || Integer.parseInt(t) > MAX) {
      throw new IllegalArgumentException("'" + text + "' is not a DNS query rate: give queries per second (1.."
          + MAX + "), 0 or none for no cap, or auto (" + PublicResolvers.QUERIES_PER_SECOND
          + "/s for the well-known public resolvers, no cap for others)");
    }
    return of(Integer.parseInt(t));
  }

  /** Queries per second for this resolver; 0 for no cap. */
  public int forResolver(InetAddress resolver) {
    if (automatic) {
      return PublicResolvers.contains(resolver) ? PublicResolvers.QUERIES_PER_SECOND : 0;
    }
    return perSecond;
  }

  /** As {@link #parse} reads it: {@code auto}, {@code none} or the number. */
  public String text() {
    return automatic ? "auto" : perSecond == 0 ? "none" : Integer.toString(perSecond);
  }

  /** The rate as a reader wants it: {@code 100/s} or {@code none}. */
  public static String describe(int perSecond) {
    return perSecond == 0 ? "none" : perSecond + "/s";
  }
}
