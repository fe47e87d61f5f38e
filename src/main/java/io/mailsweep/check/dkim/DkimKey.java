package io.mailsweep.check.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * A DKIM public-key record (RFC 6376 §3.6.1) as published, with its key decoded. Values of
 * {@code k=}, {@code h=}, {@code s=} and {@code t=} are lower-cased; absent tags take their RFC
 * defaults ({@code k=rsa}, every hash, {@code s=*}, no flags).
 *
 * @param keyType the {@code k=} value
 * @param state whether the key can be used at all, and if not why
 * @param bits the real key length from the decoded key (RSA modulus bits; 256 for Ed25519), 0
 *     unless {@code state} is USABLE
 * @param hashes the {@code h=} algorithms; empty when the tag is absent (all allowed)
 * @param services the {@code s=} service types
 * @param flags the {@code t=} flags, e.g. {@code y} (testing) and {@code s} (strict identity)
 * @param problem for MALFORMED and UNKNOWN_TYPE, what is wrong; otherwise null
 * @param pkcs1 whether an RSA key is published as a bare PKCS#1 RSAPublicKey rather than the
 *     SubjectPublicKeyInfo of RFC 6376 Appendix C
 */
public record DkimKey(
    String keyType,
    KeyState state,
    int bits,
    List<String> hashes,
    List<String> services,
    List<String> flags,
    String problem,
    boolean pkcs1) {

  /** Whether the {@code p=} data yields a key a verifier can use. */
  public enum KeyState {
    USABLE,
    /** {@code p=} is empty: the key was withdrawn (RFC 6376 §3.6.1). */
    REVOKED,
    /** {@code p=} is not base64, or does not decode to a key of type {@code k=}. */
    MALFORMED,
    /** {@code k=} names a key type this scanner (and most verifiers) do not know. */
    UNKNOWN_TYPE
  }

  public static final String RSA = "rsa";
  public static final String ED25519 = "ed25519";

  public DkimKey {
    hashes = List.copyOf(hashes);
    services = List.copyOf(services);
    flags = List.copyOf(flags);
  }

  /** {@code t=y}: receivers treat mail signed with this key as unsigned (RFC 6376 §3.6.1). */
  public boolean testing() {
    return flags.contains("y");
  }

  /** Whether {@code h=} admits SHA-256, the only hash RFC 8301 §3.1 leaves valid. */
  public boolean allowsSha256() {
    return hashes.isEmpty() || hashes.contains("sha256");
  }

  public boolean sha1Only() {
    return !allowsSha256() && hashes.contains("sha1");
  }

  /** {@code s=} includes e-mail; a key for other services only is ignored for mail. */
  public boolean forEmail() {
    return services.contains("*") || services.contains("email");
  }

  /** E.g. {@code rsa 2048}, {@code ed25519 256}, {@code revoked}, {@code k=dsa (unknown)}. */
  public String describe() {
    switch (state) {
      case USABLE:
        return keyType + " " + bits;
      case REVOKED:
        return "revoked";
      case UNKNOWN_TYPE:
        return "k=" + keyType + " (unknown)";
      default:
        return "malformed " + keyType + " key";
    }
  }

  /** The flags worth showing beside the key in a summary, e.g. {@code t=y, h=sha1}. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (testing()) {
      notes.add("t=y");
    }
    if (!allowsSha256()) {
      notes.add("h=" + String.join(":", hashes));
    }
    if (!forEmail()) {
      notes.add("s=" + String.join(":", services));
    }
    return notes;
  }
}
