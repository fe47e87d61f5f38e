package io.mailsweep.check.dkim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text of one TXT record at a selector name (its strings joined, RFC 6376 §3.6.2.2) to a {@link
 * DkimKey}, or the reason it is not one. Pure: no DNS, no state.
 */
public final class DkimKeyParser {
  /** A record that names itself DKIM or carries a key tag; anything else is some other TXT. */
  private static final Pattern LOOKS_LIKE_KEY =
      Pattern.compile("(^|;)[ \\t\\r\\n]*(v[ \\t]*=[ \\t]*DKIM1|p[ \\t]*=|k[ \\t]*=)");

  private DkimKeyParser() {}

  /** The outcome of parsing one record. */
  public sealed interface Parsed permits Parsed.Key, Parsed.Invalid, Parsed.NotDkim {
    /** A well-formed key record; the key itself may still be revoked or malformed. */
    record Key(DkimKey key) implements Parsed {}

    /** A DKIM record verifiers must discard (RFC 6376 §6.1.2, "key syntax error"). */
    record Invalid(String problem, int position) implements Parsed {}

    /** TXT data that is no DKIM key record at all, e.g. a site-verification token. */
    record NotDkim(String text) implements Parsed {}
  }

  public static Parsed parse(String text) {
    if (!LOOKS_LIKE_KEY.matcher(text).find()) {
      return new Parsed.NotDkim(text);
    }
    DkimTags tags = DkimTags.parse(text);
    if (!tags.valid()) {
      return new Parsed.Invalid(tags.error(), tags.errorAt());
    }
    String version = tags.tags().get("v");
    if (version != null && !"v".equals(tags.firstName())) {
      return new Parsed.Invalid("v= must be the first tag (RFC 6376 §3.6.1)", position(text, "v"));
    }
    if (version != null && !version.equals("DKIM1")) {
      return new Parsed.Invalid("v=" + version + " is not DKIM1, so verifiers discard the record", position(text, "v"));
    }
    String p = tags.tags().get("p");
    if (p == null) {
      return new Parsed.Invalid("no p= tag, which every key record needs (RFC 6376 §3.6.1)", text.length());
    }
    return new Parsed.Key(key(tags, p));
  }

  private static DkimKey key(DkimTags tags, String p) {
    String keyType = lower(tags.tags().getOrDefault("k", DkimKey.RSA));
    PublicKeys.Decoded decoded = PublicKeys.decode(keyType, p);
    return new DkimKey(keyType, decoded.state(), decoded.bits(), list(tags.tags().get("h")),
        tags.tags().containsKey("s") ? list(tags.tags().get("s")) : List.of("*"), list(tags.tags().get("t")),
        decoded.problem(), decoded.pkcs1());
  }

  /** A colon-separated tag value (h=, s=, t=) as lower-case items, blanks dropped. */
  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(":")).map(DkimKeyParser::lower).filter(s -> !s.isEmpty()).toList();
  }

  /** Where the tag-spec for {@code name} starts in a record already known to be a valid tag-list. */
  private static int position(String text, String name) {
    Matcher m = Pattern.compile("(?:^|;)[ \\t\\r\\n]*(" + name + ")[ \\t]*=").matcher(text);
    return m.find() ? m.start(1) : -1;
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
