package io.mailsweep.check.dmarc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The DMARC record syntax of RFC 7489 §6.4, with the draft-ietf-dmarc-dmarcbis (DMARCbis) tags: pure, no DNS. The record
 * is a tag list (RFC 6376 §3.2) whose first tag is exactly {@code v=DMARC1}; p= is required, p= and
 * sp= must be valid; other invalid values and unknown tags are problems that leave the record
 * usable with defaults.
 */
public final class DmarcParser {
  private static final Pattern CANDIDATE = Pattern.compile("(?is)\\s*v\\s*=\\s*dmarc1(?![a-z0-9]).*");

  /** A usable record with its lesser problems, or the problems that make it unusable. */
  public sealed interface Parsed {
    List<DmarcProblem> problems();

    record Valid(DmarcRecord record, List<DmarcProblem> problems) implements Parsed {
      public Valid {
        problems = List.copyOf(problems);
      }
    }

    /** At least one problem is {@link DmarcProblem#fatal() fatal}. */
    record Invalid(List<DmarcProblem> problems) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }

      /** The first fatal problem's message. */
      public String reason() {
        return problems.stream().filter(DmarcProblem::fatal).findFirst().orElseThrow().message();
      }
    }
  }

  private DmarcParser() {}

  /**
   * Whether a TXT text is a DMARC record candidate (RFC 7489 §6.6.3 step 2): it starts with
   * v=DMARC1 in any case. Candidates that are not exactly right are then reported as invalid
   * rather than as missing.
   */
  public static boolean isDmarc(String text) {
    return CANDIDATE.matcher(text).matches();
  }

  public static Parsed parse(String text) {
    TagList.Parse list = TagList.parse(text, true);
    if (list instanceof TagList.Parse.Error error) {
      return invalid(error.message(), error.position());
    }
    TagList tags = ((TagList.Parse.Ok) list).tags();
    TagList.Tag first = tags.first().orElse(null);
    if (first == null || !first.name().equals("v")) {
      return invalid("the record must start with v=DMARC1", 0);
    }
    if (!first.value().equals("DMARC1")) {
      return invalid("v=" + first.value() + " is not exactly DMARC1", first.position());
    }
    DmarcTagReader reader = new DmarcTagReader();
    DmarcRecord record = reader.read(text, tags);
    return record == null ? new Parsed.Invalid(reader.problems()) : new Parsed.Valid(record, reader.problems());
  }

  private static Parsed invalid(String message, int position) {
    return new Parsed.Invalid(List.of(new DmarcProblem(DmarcFinding.DMARC_INVALID, position, message)));
  }
}
