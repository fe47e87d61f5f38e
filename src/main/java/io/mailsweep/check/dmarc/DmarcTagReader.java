package io.mailsweep.check.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the tags after v=DMARC1 into a {@link DmarcRecord}. An invalid p= or sp= is fatal (RFC
 * 7489 §6.6.3); any other invalid value is a problem and the tag keeps its default, as §6.3 asks
 * receivers to do ("syntax errors in the remainder of the record SHOULD be discarded in favor of
 * default values").
 */
final class DmarcTagReader {
  private static final Pattern FO = Pattern.compile("[01ds](\\s*:\\s*[01ds])*", Pattern.CASE_INSENSITIVE);
  private static final Pattern RF = Pattern.compile("afrf(\\s*:\\s*afrf)*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
  private static final long MAX_RI = 0xFFFF_FFFFL;

  private final List<DmarcProblem> problems = new ArrayList<>();
  private final List<ReportUri> aggregate = new ArrayList<>();
  private final List<ReportUri> failure = new ArrayList<>();
  private DmarcPolicy p;
  private DmarcPolicy sp;
  private DmarcPolicy np;
  private int pct = 100;
  private boolean testing;
  private Alignment adkim = Alignment.RELAXED;
  private Alignment aspf = Alignment.RELAXED;
  private String fo = "0";
  private String rf = "afrf";
  private long ri = 86400;
  private String psd = "u";

  /** The record, or null when a fatal problem was found; {@link #problems()} says why. */
  DmarcRecord read(String text, TagList tags) {
    for (TagList.Tag tag : tags.tags().subList(1, tags.tags().size())) {
      read(tag);
    }
    if (p == null && problems.stream().noneMatch(DmarcProblem::fatal)) {
      String fallback = aggregate.isEmpty() ? "" : "; receivers that follow RFC 7489 §6.6.3 treat the"
          + " record as p=none because its rua= is usable";
      problems.add(0, new DmarcProblem(DmarcFinding.DMARC_INVALID, 0, "no p= tag" + fallback));
    }
    if (problems.stream().anyMatch(DmarcProblem::fatal)) {
      return null;
    }
    return new DmarcRecord(text, tags.tags(), p, sp, np, pct, testing, adkim, aspf, aggregate, failure, fo, rf, ri,
        psd);
  }

  List<DmarcProblem> problems() {
    return List.copyOf(problems);
  }

  private void read(TagList.Tag tag) {
    String v = tag.value();
    switch (tag.name()) {
      case "p":
        p = policy(tag, DmarcFinding.DMARC_INVALID);
        break;
      case "sp":
        sp = policy(tag, DmarcFinding.DMARC_INVALID);
        break;
      case "np":
        np = policy(tag, DmarcFinding.DMARC_INVALID_NP);
        break;
      case "pct":
        pct = DIGITS.matcher(v).matches() && Long.parseLong(v) <= 100 ? Integer.parseInt(v)
            : problem(tag, DmarcFinding.DMARC_INVALID_PCT, "is not a whole number from 0 to 100", 100);
        break;
      case "ri":
        ri = DIGITS.matcher(v).matches() && Long.parseLong(v) <= MAX_RI ? Long.parseLong(v)
            : problem(tag, DmarcFinding.DMARC_INVALID_RI, "is not a number of seconds", 86400L);
        break;
      default:
        readOther(tag);
    }
  }

  private void readOther(TagList.Tag tag) {
    String v = tag.value();
    switch (tag.name()) {
      case "adkim":
        adkim = alignment(tag);
        break;
      case "aspf":
        aspf = alignment(tag);
        break;
      case "fo":
        fo = FO.matcher(v).matches() ? v.toLowerCase(Locale.ROOT).replaceAll("\\s", "")
            : problem(tag, DmarcFinding.DMARC_INVALID_FO, "is not a colon-separated list of 0, 1, d and s", "0");
        break;
      case "rf":
        rf = RF.matcher(v).matches() ? "afrf" : problem(tag, DmarcFinding.DMARC_INVALID_RF, "is not afrf", "afrf");
        break;
      case "t":
        testing = yesNo(tag, "yn", DmarcFinding.DMARC_INVALID_T).equals("y");
        break;
      case "psd":
        psd = yesNo(tag, "ynu", DmarcFinding.DMARC_INVALID_PSD);
        break;
      case "rua":
        ReportUris.read(tag, aggregate, problems);
        break;
      case "ruf":
        ReportUris.read(tag, failure, problems);
        break;
      default:
        problems.add(new DmarcProblem(DmarcFinding.DMARC_UNKNOWN_TAG, tag.position(),
            "unknown tag " + tag.text() + " is ignored"));
    }
  }

  private DmarcPolicy policy(TagList.Tag tag, DmarcFinding ifInvalid) {
    DmarcPolicy parsed = DmarcPolicy.parse(tag.value());
    String ignored = ifInvalid == DmarcFinding.DMARC_INVALID ? "" : "; receivers ignore it and use sp= or p=";
    return parsed != null ? parsed : problem(tag, ifInvalid, "is not none, quarantine or reject" + ignored, null);
  }

  private Alignment alignment(TagList.Tag tag) {
    Alignment parsed = Alignment.parse(tag.value());
    return parsed != null ? parsed
        : problem(tag, DmarcFinding.DMARC_INVALID_ALIGNMENT, "is not r (relaxed) or s (strict)", Alignment.RELAXED);
  }

  /** A one-letter value among {@code allowed}, lower-cased; "n" (t=) or "u" (psd=) if invalid. */
  private String yesNo(TagList.Tag tag, String allowed, DmarcFinding ifInvalid) {
    String v = tag.value().toLowerCase(Locale.ROOT);
    if (v.length() == 1 && allowed.contains(v)) {
      return v;
    }
    String fallback = allowed.equals("yn") ? "n" : "u";
    return problem(tag, ifInvalid, "is not one of " + String.join(", ", allowed.split("")), fallback);
  }

  /** Records the problem and returns the value to use instead. */
  private <T> T problem(TagList.Tag tag, DmarcFinding type, String what, T instead) {
    String consequence = instead == null ? "" : "; receivers use the default " + tag.name() + "=" + token(instead);
    problems.add(new DmarcProblem(type, tag.position(), tag.text() + " " + what + consequence));
    return instead;
  }

  private static String token(Object value) {
    if (value instanceof Alignment a) {
      return a.token();
    }
    return String.valueOf(value);
  }
}
