package io.mailsweep.net.dns;

import io.mailsweep.domain.DomainName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads the answer section the way RFC 1034 §4.3.2 builds it: records of the asked type at the
 * name, or a CNAME chain from the name to records of the asked type, possibly ending at an alias
 * whose data the server did not include.
 *
 * @param records records of the asked type at the end of the chain
 * @param aliases the alias targets followed, in order
 * @param unresolvedAlias the last alias target when no data followed it, else null
 * @param loop whether the chain repeated a name or ran past the allowed hops
 */
record AnswerWalk(List<Record> records, List<String> aliases, String unresolvedAlias, boolean loop) {

  static AnswerWalk of(Message response, DomainName target, int type, int hopsLeft) {
    return of(response, nameOf(target.text()), type, hopsLeft);
  }

  private static AnswerWalk of(Message response, Name start, int type, int hopsLeft) {
    List<Record> answer = response.getSection(Section.ANSWER);
    List<String> aliases = new ArrayList<>();
    Set<Name> seen = new HashSet<>();
    Name current = start;
    while (true) {
      List<Record> data = recordsAt(answer, current, type);
      if (!data.isEmpty() || type == Type.CNAME) {
        return new AnswerWalk(data, aliases, null, false);
      }
      Name alias = aliasOf(answer, current);
      if (alias == null) {
        String unresolved = aliases.isEmpty() ? null : stripDot(current);
        return new AnswerWalk(List.of(), aliases, unresolved, false);
      }
      if (!seen.add(current) || aliases.size() >= hopsLeft) {
        return new AnswerWalk(List.of(), aliases, null, true);
      }
      aliases.add(stripDot(alias));
      current = alias;
    }
  }

  /**
   * The RRset of {@code type} at {@code name}, in canonical order (RFC 4034 §6.3, dnsjava's {@link
   * Record#compareTo}): the order of an RRset carries no meaning (RFC 2181 §5) and servers rotate
   * it from answer to answer, so without this the same records would read differently in every
   * run's evidence.
   */
  private static List<Record> recordsAt(List<Record> answer, Name name, int type) {
    List<Record> out = new ArrayList<>();
    for (Record r : answer) {
      if (r.getType() == type && r.getName().equals(name)) {
        out.add(r);
      }
    }
    out.sort(null);
    return out;
  }

  private static Name aliasOf(List<Record> answer, Name name) {
    for (Record r : answer) {
      if (r instanceof CNAMERecord cname && r.getName().equals(name)) {
        return cname.getTarget();
      }
    }
    return null;
  }

  private static Name nameOf(String text) {
    return Name.fromConstantString(text.endsWith(".") ? text : text + ".");
  }

  private static String stripDot(Name name) {
    String s = name.toString();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
