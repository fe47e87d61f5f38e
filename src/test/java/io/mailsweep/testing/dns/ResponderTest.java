package io.mailsweep.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Zone semantics of the lab server without sockets: wildcards, cuts, chains across zones. */
class ResponderTest {
  private static final String PARENT =
      """
      $ORIGIN corp.test.
      $TTL 300
      @                     IN SOA   ns hostmaster 1 3600 600 86400 60
      @                     IN NS    ns
      ns                    IN A     127.0.0.1
      s1._domainkey         IN TXT   "v=DKIM1; p="
      *.wild                IN TXT   "synthesised"
      *.cwild               IN CNAME www.child.corp.test.
      delegated             IN NS    ns.delegated
      ns.delegated          IN A     127.0.2.53
      loop1                 IN CNAME loop2
      loop2                 IN CNAME loop1
      tocompany             IN CNAME www.child.corp.test.
      renamed               IN DNAME child.corp.test.
      """;
  private static final String CHILD =
      """
      $ORIGIN child.corp.test.
      $TTL 300
      @    IN SOA ns.corp.test. hostmaster.corp.test. 1 3600 600 86400 60
      @    IN NS  ns.corp.test.
      www  IN A   127.0.2.80
      """;

  @TempDir Path dir;
  private Responder responder;

  @BeforeEach
  void load() throws IOException {
    Path parent = Files.writeString(dir.resolve("corp.zone"), PARENT);
    Path child = Files.writeString(dir.resolve("child.zone"), CHILD);
    responder = new Responder(ServedZones.load(List.of(parent, child)));
  }

  @Test
  void emptyNonTerminalIsNodataNotNxdomain() {
    Message m = ask("_domainkey.corp.test", Type.TXT);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void wildcardAnswersCarryTheQueryName() {
    Message m = ask("Anything.Wild.corp.test", Type.TXT);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::getName)
        .containsExactly(name("Anything.Wild.corp.test"));
  }

  @Test
  void wildcardWithoutTheTypeIsNodata() {
    Message m = ask("x.wild.corp.test", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.SOA);
  }

  @Test
  void wildcardCnameIsChasedIntoTheChildZone() {
    Message m = ask("x.cwild.corp.test", Type.A);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::getType)
        .containsExactly(Type.CNAME, Type.A);
  }

  @Test
  void delegationIsANonAuthoritativeReferralWithGlue() {
    Message m = ask("host.delegated.corp.test", Type.A);
    assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    assertThat(m.getSection(Section.AUTHORITY))
        .extracting(Record::getType)
        .containsExactly(Type.NS);
    assertThat(m.getSection(Section.ADDITIONAL))
        .extracting(Record::getName)
        .containsExactly(name("ns.delegated.corp.test"));
  }

  @Test
  void theDeepestServedZoneAnswers() {
    Message m = ask("nope.child.corp.test", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.AUTHORITY))
        .extracting(Record::getName)
        .containsExactly(name("child.corp.test"));
  }

  @Test
  void cnameChainCrossesZones() {
    Message m = ask("tocompany.corp.test", Type.A);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::getType)
        .containsExactly(Type.CNAME, Type.A);
  }

  @Test
  void cnameLoopEndsWithEachLinkOnce() {
    Message m = ask("loop1.corp.test", Type.A);
    assertThat(m.getSection(Section.ANSWER)).hasSize(2);
  }

  @Test
  void dnameSynthesisesACnameAndFollowsIt() {
    Message m = ask("www.renamed.corp.test", Type.A);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::getType)
        .containsExactly(Type.DNAME, Type.CNAME, Type.A);
  }

  private Message ask(String name, int type) {
    return responder.answer(Message.newQuery(Record.newRecord(name(name), type, DClass.IN)));
  }

  private static Name name(String text) {
    return Name.fromConstantString(text + ".");
  }
}
