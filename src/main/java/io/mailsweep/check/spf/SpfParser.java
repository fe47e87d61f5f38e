package io.mailsweep.check.spf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The record syntax of RFC 7208 §4.6 and §12: pure, no DNS. Any syntax error anywhere makes the
 * whole record invalid (§4.6: check_host() then returns permerror).
 *
 * <pre>
 * record  = version terms *SP
 * version = "v=spf1"
 * terms   = *( 1*SP ( directive / modifier ) )
 * </pre>
 */
public final class SpfParser {
  private static final String VERSION = "v=spf1";
  private static final Set<String> AT_MOST_ONCE = Set.of("redirect", "exp");

  /** The record, or the first term that breaks the grammar. */
  public sealed interface SpfParse {
    record Valid(SpfRecord record) implements SpfParse {}

    /**
     * @param position the index in the record text where {@code term} starts
     * @param term the offending term as written
     */
    record Invalid(String message, int position, String term) implements SpfParse {}
  }

  private SpfParser() {}

  /**
   * Parses the joined TXT text of an SPF record. Terms are separated by SP only: any other
   * whitespace is part of a term and makes it invalid (the suite's control-char-policy).
   */
  public static SpfParse parse(String recordText) {
    if (!hasVersion(recordText)) {
      int end = recordText.indexOf(' ');
      return new SpfParse.Invalid("an SPF record starts with 'v=spf1' and a space", 0,
          end < 0 ? recordText : recordText.substring(0, end));
    }
    List<Term> terms = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int i = VERSION.length();
    while (i < recordText.length()) {
      if (recordText.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = recordText.indexOf(' ', i);
      String text = recordText.substring(i, end < 0 ? recordText.length() : end);
      SpfSyntaxResult<Term> term = SpfParserTerm.parse(text);
      if (term instanceof SpfSyntaxResult.Error<Term> error) {
        return invalid(error.message(), i, text);
      }
      Term parsed = ((SpfSyntaxResult.Ok<Term>) term).value();
      if (parsed instanceof Modifier m && AT_MOST_ONCE.contains(m.name()) && !seen.add(m.name())) {
        return invalid("second " + m.name() + "= modifier (RFC 7208 §6: at most one)", i, text);
      }
      terms.add(parsed);
      i += text.length();
    }
    return new SpfParse.Valid(new SpfRecord(recordText, terms));
  }

  /** "v=spf1", in any case, alone or followed by SP (RFC 7208 §4.5). */
  private static boolean hasVersion(String text) {
    return text.regionMatches(true, 0, VERSION, 0, VERSION.length())
        && (text.length() == VERSION.length() || text.charAt(VERSION.length()) == ' ');
  }

  private static SpfParse invalid(String message, int position, String term) {
    String shown = "'" + SpfSyntaxText.printable(term) + "'";
    return new SpfParse.Invalid(
        message.contains(shown) ? message : message + " in " + shown, position, term);
  }
}
