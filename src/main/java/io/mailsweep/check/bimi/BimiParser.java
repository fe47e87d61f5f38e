package io.mailsweep.check.bimi;

import io.mailsweep.check.dmarc.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The BIMI assertion record syntax (draft-brand-indicators-for-message-identification-10 §4.3):
 * pure, no DNS. A tag list (RFC 6376 §3.2) whose first tag is exactly {@code v=BIMI1}, with an l=
 * tag; names are case-sensitive ("receivers MUST NOT attempt to fix syntactical or capitalization
 * errors"). Unusable URLs, invalid avp=/lps= values and unknown tags are problems that leave the
 * record readable.
 */
public final class BimiParser {
  private static final Pattern CANDIDATE = Pattern.compile("(?is)\\s*v\\s*=\\s*bimi1(?![a-z0-9]).*");

  /** A readable record with its lesser problems, or the problems that make it unreadable. */
  public sealed interface Parsed {
    List<BimiProblem> problems();

    record Valid(BimiRecord record, List<BimiProblem> problems) implements Parsed {
      public Valid {
        problems = List.copyOf(problems);
      }
    }

    record Invalid(List<BimiProblem> problems) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private BimiParser() {}

  /**
   * Whether a TXT text is a BIMI record candidate (§7.2 step 4): it starts with v=BIMI1 in any
   * case, so that a miscapitalised record is reported as invalid rather than as absent.
   */
  public static boolean isBimi(String text) {
    return CANDIDATE.matcher(text).matches();
  }

  public static Parsed parse(String text) {
    TagList.Parse list = TagList.parse(text, false);
    if (list instanceof TagList.Parse.Error error) {
      return invalid(error.message(), error.position());
    }
    TagList tags = ((TagList.Parse.Ok) list).tags();
    TagList.Tag first = tags.first().orElse(null);
    if (first == null || !first.name().equals("v") || !first.value().equals("BIMI1")) {
      return invalid("the record must start with exactly v=BIMI1", first == null ? 0 : first.position());
    }
    TagList.Tag l = tags.get("l").orElse(null);
    if (l == null) {
      return invalid("no l= tag (it is required; an empty l= and a= decline BIMI)", 0);
    }
    List<BimiProblem> problems = new ArrayList<>();
    String location = BimiUrls.read(l, problems);
    TagList.Tag a = tags.get("a").orElse(null);
    String evidence = a == null ? null : BimiUrls.read(a, problems);
    String avp = choice(tags.get("avp").orElse(null), List.of("brand", "personal"), "brand", problems);
    String lps = choice(tags.get("lps").orElse(null), List.of("true", "false"), "false", problems);
    for (TagList.Tag tag : tags.tags().subList(1, tags.tags().size())) {
      if (!List.of("l", "a", "avp", "lps").contains(tag.name())) {
        problems.add(new BimiProblem(BimiFinding.BIMI_UNKNOWN_TAG, tag.position(),
            "unknown tag " + tag.text() + " is ignored"));
      }
    }
    boolean declined = l.value().isEmpty() && (a == null || a.value().isEmpty());
    return new Parsed.Valid(new BimiRecord(text, tags.tags(), location, evidence, declined, avp, lps.equals("true")),
        problems);
  }

  private static String choice(TagList.Tag tag, List<String> allowed, String fallback, List<BimiProblem> problems) {
    if (tag == null) {
      return fallback;
    }
    if (allowed.contains(tag.value())) {
      return tag.value();
    }
    problems.add(new BimiProblem(BimiFinding.BIMI_INVALID_TAG_VALUE, tag.position(), tag.text() + " is not "
        + String.join(" or ", allowed) + "; receivers may ignore it or the whole record"));
    return fallback;
  }

  private static Parsed invalid(String message, int position) {
    return new Parsed.Invalid(List.of(new BimiProblem(BimiFinding.BIMI_INVALID, position, message)));
  }
}
