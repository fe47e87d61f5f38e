package io.mailsweep.net.https;

import io.mailsweep.domain.DomainName;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One policy to fetch.
 *
 * @param host the policy host: sent as SNI and in the Host header, and the name the server's
 *     certificate must carry (RFC 8461 §3.3)
 * @param address where to connect: resolved by our own DNS and approved by the target guard; the
 *     fetcher never resolves {@code host}
 * @param port 443 except in labs and tests
 * @param path absolute path of the resource, with its query if any, e.g. {@link #MTA_STS_PATH}
 * @param mediaType sent as Accept and the only media type a 200 may carry to be {@link FetchOutcome#OK}:
 *     {@link #TEXT_PLAIN} for policies (RFC 8461 §3.2); {@link #ANY_MEDIA_TYPE} accepts any type or
 *     none, for resources whose clients must accept any Content-Type (WKD keys,
 *     draft-koch-openpgp-webkey-service §3.1)
 */
public record PolicyRequest(DomainName host, InetAddress address, int port, String path, String mediaType) {
  /** RFC 8461 §3.2: the policy's well-known path on {@code mta-sts.<domain>}. */
  public static final String MTA_STS_PATH = "/.well-known/mta-sts.txt";

  public static final int DEFAULT_PORT = 443;

  /** RFC 8461 §3.2: the policy's media type, the default. */
  public static final String TEXT_PLAIN = "text/plain";

  /** Any media type, or none at all (RFC 9110 §12.5.1). */
  public static final String ANY_MEDIA_TYPE = "*/*";

  public PolicyRequest {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException("path must be absolute printable ASCII: '" + path + "'");
    }
    if (mediaType.isEmpty() || mediaType.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException("media type must be printable ASCII: '" + mediaType + "'");
    }
  }

  /** A request for a text/plain resource. */
  public PolicyRequest(DomainName host, InetAddress address, int port, String path) {
    this(host, address, port, path, TEXT_PLAIN);
  }

  /** This request, accepting a 200 of any media type (the body is then kept as bytes too). */
  public PolicyRequest acceptingAnyType() {
    return new PolicyRequest(host, address, port, path, ANY_MEDIA_TYPE);
  }

  /** The MTA-STS policy of the policy host {@code mta-sts.<domain>}. */
  public static PolicyRequest mtaSts(DomainName policyHost, InetAddress address, int port) {
    return new PolicyRequest(policyHost, address, port, MTA_STS_PATH);
  }

  /** {@code host} or {@code host:port} as the Host header carries it (RFC 9110 §7.2). */
  public String authority() {
    return port == DEFAULT_PORT ? host.text() : host.text() + ":" + port;
  }

  /** The URL for reports, e.g. {@code https://mta-sts.example.com/.well-known/mta-sts.txt}. */
  public String url() {
    return "https://" + authority() + path;
  }
}
