package io.mailsweep.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Zones signed by {@link ZoneSigner} and served by the lab server, judged by dnsjava's own
 * validator: secure answers and denials, bogus after tampering, unsigned zones untouched.
 */
class ZoneSignerTest {
  private static final String ZONE = LabDns.zone("signed.test") + """
      www        IN A     127.0.5.1
      www        IN TXT   "hello"
      alias      IN CNAME www
      *.wild     IN TXT   "synthesised"
      a.b.deep   IN A     127.0.5.2
      sub        IN NS    ns.sub
      ns.sub     IN A     127.0.5.53
      """;

  @TempDir Path dir;
  private LabDns lab;

  @AfterEach
  void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void nsecChainIsCanonicalAndClosedAndGlueIsLeftOut() {
    SignedZone z = ZoneSigner.sign(ZONE);
    List<NSECRecord> chain = z.records().stream().filter(NSECRecord.class::isInstance)
        .map(NSECRecord.class::cast).toList();
    assertThat(chain).extracting(r -> r.getName().toString()).containsExactly(
        "signed.test.", "alias.signed.test.", "a.b.deep.signed.test.", "ns.signed.test.",
        "sub.signed.test.", "*.wild.signed.test.", "www.signed.test.");
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.get(i).getNext()).isEqualTo(chain.get((i + 1) % chain.size()).getName());
    }
    assertThat(chain.get(0).getTypes()).contains(Type.SOA, Type.NS, Type.DNSKEY, Type.NSEC, Type.RRSIG);
    assertThat(chain.get(4).getTypes()).containsExactly(Type.NS, Type.RRSIG, Type.NSEC);
    assertThat(z.records()).filteredOn(r -> r instanceof RRSIGRecord s && s.getTypeCovered() == Type.NS)
        .extracting(Record::getName).containsExactly(Name.fromConstantString("signed.test."));
  }

  @Test
  void aLoadedZoneSignsLikeItsText() throws Exception {
    Zone loaded = new Zone(Name.fromConstantString("signed.test."),
        ZoneSigner.sign(ZONE).records().stream().filter(r -> r.getType() != Type.RRSIG && r.getType() != Type.NSEC
            && r.getType() != Type.DNSKEY).toArray(Record[]::new));
    SignedZone z = ZoneSigner.sign(loaded);
    assertThat(z.records()).filteredOn(NSECRecord.class::isInstance).hasSize(7);
    assertThat(z.records()).filteredOn(r -> r.getType() == Type.DNSKEY).hasSize(1);
  }

  @Test
  void everySignatureVerifiesWithTheZoneKey() throws Exception {
    SignedZone z = ZoneSigner.sign(ZONE);
    DNSKEYRecord key = z.key();
    assertThat(key.getAlgorithm()).isEqualTo(DNSSEC.Algorithm.ECDSAP256SHA256);
    assertThat(key.getFlags()).isEqualTo(257);
    assertThat(z.ds().getFootprint()).isEqualTo(key.getFootprint());
    List<RRSIGRecord> sigs = z.records().stream().filter(RRSIGRecord.class::isInstance)
        .map(RRSIGRecord.class::cast).toList();
    assertThat(sigs).hasSizeGreaterThan(10);
    for (RRSIGRecord sig : sigs) {
      RRset set = new RRset();
      z.records().stream().filter(r -> r.getName().equals(sig.getName()) && r.getType() == sig.getTypeCovered())
          .forEach(set::addRR);
      DNSSEC.verify(set, sig, key);
    }
  }

  @Test
  void doBitBringsSignaturesAndItsAbsenceKeepsTheOldReplies() throws Exception {
    lab = LabDns.serve(dir, ZoneSigner.sign(ZONE).text());
    Message plain = send(query("www.signed.test.", Type.A, false));
    assertThat(plain.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A);
    Message signed = send(query("www.signed.test.", Type.A, true));
    assertThat(signed.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.A, Type.RRSIG);
    assertThat(signed.getOPT().getFlags() & ExtendedFlags.DO).isNotZero();
    Message nx = send(query("nope.signed.test.", Type.A, true));
    assertThat(nx.getSection(Section.AUTHORITY)).extracting(Record::getType)
        .contains(Type.SOA, Type.NSEC, Type.RRSIG);
  }

  @Test
  void validatorFindsAnswersAndDenialsSecure() throws Exception {
    SignedZone z = ZoneSigner.sign(ZONE);
    lab = LabDns.serve(dir, z.text());
    ValidatingResolver v = validator(z.trustAnchor());
    assertSecure(v, "www.signed.test.", Type.A, Rcode.NOERROR, 1);
    assertSecure(v, "www.signed.test.", Type.MX, Rcode.NOERROR, 0);
    assertSecure(v, "nope.signed.test.", Type.A, Rcode.NXDOMAIN, 0);
    assertSecure(v, "b.deep.signed.test.", Type.A, Rcode.NOERROR, 0);
    assertSecure(v, "x.wild.signed.test.", Type.TXT, Rcode.NOERROR, 1);
    assertSecure(v, "x.wild.signed.test.", Type.A, Rcode.NOERROR, 0);
    assertSecure(v, "alias.signed.test.", Type.A, Rcode.NOERROR, 2);
    assertSecure(validator(z.keyAnchor()), "www.signed.test.", Type.TXT, Rcode.NOERROR, 1);
  }

  @Test
  void tamperedRecordIsBogus() throws Exception {
    SignedZone z = ZoneSigner.sign(ZONE);
    lab = LabDns.serve(dir, z.text().replace("127.0.5.1", "127.0.5.99"));
    Message m = validator(z.trustAnchor()).send(query("www.signed.test.", Type.A, false));
    assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
  }

  @Test
  void zoneWithoutAnchorIsInsecureNotBogus() throws Exception {
    lab = LabDns.serve(dir, ZoneSigner.sign(ZONE).text());
    Message m = validator(ZoneSigner.sign(LabDns.zone("other.test")).trustAnchor())
        .send(query("www.signed.test.", Type.A, false));
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
  }

  private void assertSecure(ValidatingResolver v, String name, int type, int rcode, int answers) throws Exception {
    Message m = v.send(query(name, type, false));
    assertThat(m.getRcode()).as(name + " rcode").isEqualTo(rcode);
    assertThat(m.getHeader().getFlag(Flags.AD)).as(name + " " + Type.string(type) + " secure").isTrue();
    assertThat(m.getSection(Section.ANSWER).stream().filter(r -> r.getType() != Type.RRSIG)).hasSize(answers);
  }

  private ValidatingResolver validator(String anchors) throws Exception {
    SimpleResolver head = new SimpleResolver(lab.server().socketAddress());
    head.setTimeout(Duration.ofSeconds(2));
    ValidatingResolver v = new ValidatingResolver(head);
    v.loadTrustAnchors(new ByteArrayInputStream(anchors.getBytes(StandardCharsets.US_ASCII)));
    return v;
  }

  private Message send(Message query) throws Exception {
    SimpleResolver r = new SimpleResolver(lab.server().socketAddress());
    r.setTimeout(Duration.ofSeconds(2));
    if (query.getOPT() != null) {
      r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    }
    return r.send(query);
  }

  private static Message query(String name, int type, boolean dnssec) {
    Message m = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    if (dnssec) {
      m.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    }
    return m;
  }
}
