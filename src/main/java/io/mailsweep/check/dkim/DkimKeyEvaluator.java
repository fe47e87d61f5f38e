package io.mailsweep.check.dkim;

import io.mailsweep.check.CheckOptions;
import io.mailsweep.check.Finding;
import io.mailsweep.check.dkim.DkimKey.KeyState;
import java.util.ArrayList;
import java.util.List;

/** The findings about one key record at one selector name. Pure. */
public final class DkimKeyEvaluator {
  private final int minBits;
  private final int goodBits;

  public DkimKeyEvaluator(CheckOptions options) {
    this.minBits = options.dkimRsaMinBits();
    this.goodBits = options.dkimRsaGoodBits();
  }

  /** Findings about the record at {@code name} (a selector's DNS name, for the messages). */
  public List<Finding> findings(String name, DkimKeyParser.Parsed parsed) {
    if (parsed instanceof DkimKeyParser.Parsed.Invalid invalid) {
      return List.of(DkimFinding.DKIM_RECORD_INVALID.with("The key record at " + name + " is invalid at character "
          + (invalid.position() + 1) + ": " + invalid.problem()));
    }
    if (parsed instanceof DkimKeyParser.Parsed.Key k) {
      return findings(name, k.key());
    }
    return List.of();
  }

  public List<Finding> findings(String name, DkimKey key) {
    List<Finding> out = new ArrayList<>(state(name, key));
    if (key.state() == KeyState.USABLE && key.keyType().equals(DkimKey.RSA)) {
      out.addAll(rsa(name, key));
    }
    if (key.testing()) {
      out.add(DkimFinding.DKIM_KEY_TESTING.with("The key at " + name + " is in testing mode (t=y)"));
    }
    if (key.sha1Only()) {
      out.add(DkimFinding.DKIM_KEY_SHA1_ONLY.with("The key at " + name + " allows only SHA-1 (h="
          + String.join(":", key.hashes()) + ")"));
    } else if (!key.allowsSha256()) {
      out.add(DkimFinding.DKIM_KEY_HASH_UNKNOWN.with("The key at " + name + " allows no known hash (h="
          + String.join(":", key.hashes()) + ")"));
    }
    if (!key.forEmail()) {
      out.add(DkimFinding.DKIM_KEY_NOT_FOR_EMAIL.with("The key at " + name + " is for other services only (s="
          + String.join(":", key.services()) + ")"));
    }
    return out;
  }

  /** Whether a receiver could verify a signature with the key (RFC 6376 §6.1.2, RFC 8301). */
  public boolean usable(DkimKey key) {
    return key.state() == KeyState.USABLE && key.allowsSha256() && key.forEmail()
        && !(key.keyType().equals(DkimKey.RSA) && key.bits() < minBits);
  }

  private static List<Finding> state(String name, DkimKey key) {
    switch (key.state()) {
      case REVOKED:
        return List.of(DkimFinding.DKIM_KEY_REVOKED.with("The key at " + name + " is revoked (empty p=)"));
      case MALFORMED:
        return List.of(DkimFinding.DKIM_KEY_MALFORMED.with("The " + key.keyType() + " key at " + name
            + " is malformed: " + key.problem()));
      case UNKNOWN_TYPE:
        return List.of(DkimFinding.DKIM_KEY_TYPE_UNKNOWN.with("The key at " + name + " has an unknown type: "
            + key.problem()));
      default:
        return List.of();
    }
  }

  private List<Finding> rsa(String name, DkimKey key) {
    List<Finding> out = new ArrayList<>();
    if (key.bits() < minBits) {
      out.add(DkimFinding.DKIM_KEY_WEAK.with("The RSA key at " + name + " has " + key.bits()
          + " bits, under the minimum of " + minBits));
    } else if (key.bits() < goodBits) {
      out.add(DkimFinding.DKIM_KEY_SHORT.with("The RSA key at " + name + " has " + key.bits()
          + " bits, under the recommended " + goodBits));
    }
    if (key.pkcs1()) {
      out.add(DkimFinding.DKIM_KEY_PKCS1.with("The RSA key at " + name
          + " is published as a bare PKCS#1 RSAPublicKey, not a SubjectPublicKeyInfo"));
    }
    return out;
  }
}
