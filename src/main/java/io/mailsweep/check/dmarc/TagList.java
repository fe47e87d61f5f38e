package io.mailsweep.check.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "tag=value" list of RFC 6376 §3.2, which DMARC (RFC 7489 §6.4) and BIMI assertion records
 * share: tags separated by semicolons, whitespace around names and values ignored, every name at
 * most once. Pure syntax; what a tag means is its record's business.
 *
 * <p>Empty list elements ({@code ;;} or a trailing {@code ;}) are skipped: the grammar only allows
 * the trailing one, but receivers accept both and rejecting a record for it would report a policy
 * as broken that works everywhere.
 */
public final class TagList {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /**
   * One tag as written.
   *
   * @param name the tag name, lower-cased when the list was read case-insensitively
   * @param value the value, surrounding whitespace removed
   * @param position the index in the record text where the tag starts
   */
  public record Tag(String name, String value, int position) {
    /** {@code name=value}, for messages. */
    public String text() {
      return name + "=" + value;
    }
  }

  /** The tags, or the first place where the text stops being a tag list. */
  public sealed interface Parse {
    record Ok(TagList tags) implements Parse {}

    record Error(String message, int position) implements Parse {}
  }

  private final List<Tag> tags;

  private TagList(List<Tag> tags) {
    this.tags = List.copyOf(tags);
  }

  /**
   * Reads {@code text} as a tag list.
   *
   * @param foldNames lower-case tag names (DMARC's ABNF names are case-insensitive; BIMI's are not)
   */
  public static Parse parse(String text, boolean foldNames) {
    List<Tag> tags = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = text.length();
      }
      String element = text.substring(start, end);
      if (!element.isBlank()) {
        int position = start + leadingSpace(element);
        int eq = element.indexOf('=');
        if (eq < 0) {
          return new Parse.Error("'" + element.trim() + "' is not a tag (expected name=value)", position);
        }
        String name = element.substring(0, eq).trim();
        if (!NAME.matcher(name).matches()) {
          return new Parse.Error("'" + name + "' is not a tag name", position);
        }
        String key = foldNames ? name.toLowerCase(Locale.ROOT) : name;
        if (tags.stream().anyMatch(t -> t.name().equals(key))) {
          return new Parse.Error("the tag " + key + "= appears twice (RFC 6376 §3.2: the whole list is"
              + " then invalid)", position);
        }
        tags.add(new Tag(key, element.substring(eq + 1).trim(), position));
      }
      start = end + 1;
    }
    return new Parse.Ok(new TagList(tags));
  }

  /** Every tag in record order. */
  public List<Tag> tags() {
    return tags;
  }

  public Optional<Tag> first() {
    return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(0));
  }

  public Optional<Tag> get(String name) {
    return tags.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
