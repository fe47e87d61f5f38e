package io.mailsweep.check.e2ee;

import io.mailsweep.net.https.FetchResult;
import java.util.List;

/**
 * The fetches of one WKD URL, one per address tried, in order; the last one counts.
 *
 * @param url the URL as a client forms it, for reports
 */
public record WkdFetch(String url, List<Attempt> attempts) {
  /** One GET from one address. */
  public record Attempt(String address, FetchResult result) {}

  public WkdFetch {
    attempts = List.copyOf(attempts);
  }

  /** The fetch that counts, or null when no address could be contacted. */
  public FetchResult result() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).result();
  }
}
