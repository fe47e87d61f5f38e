package io.mailsweep.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
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
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab server's sockets: EDNS sizes, TCP framing, garbage, addresses and shutdown. */
class LabDnsServerTransportTest {
  @TempDir Path dir;
  private LabDnsServer server;

  @BeforeEach
  void start() throws IOException {
    Files.writeString(dir.resolve("lab.test.zone"), LabZones.LAB);
    server = LabDnsServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void ednsPayloadSizeLetsALargeAnswerThroughUdpWithAnOptEchoed() throws IOException {
    SimpleResolver resolver = new SimpleResolver(server.socketAddress());
    resolver.setTimeout(Duration.ofSeconds(2));
    resolver.setEDNS(0, 1232, 0, List.of());
    resolver.setIgnoreTruncation(true);
    Message m = resolver.send(query(1, "big.lab.test", Type.TXT));
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(m.getSection(Section.ANSWER)).hasSize(LabZones.BIG_TXT_RECORDS);
    assertThat(m.getOPT()).isNotNull();
    assertThat(server.tcpQueries()).isZero();
  }

  @Test
  void oneTcpConnectionCarriesSeveralQueries() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server.socketAddress(), 2000);
      socket.setSoTimeout(2000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      for (int id = 1; id <= 3; id++) {
        byte[] wire = query(id, "www.lab.test", Type.A).toWire();
        out.writeShort(wire.length);
        out.write(wire);
      }
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        Message reply = new Message(wire);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        ids.add(reply.getHeader().getID());
      }
      assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
    }
    assertThat(server.tcpQueries()).isEqualTo(3);
  }

  @Test
  void ignoresGarbageAndAnswersFormerrWhenOnlyTheHeaderParses() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(server.address(), 0))) {
      socket.setSoTimeout(2000);
      socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, server.socketAddress()));
      byte[] headerClaimingAQuestion = {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'b'};
      socket.send(
          new DatagramPacket(
              headerClaimingAQuestion, headerClaimingAQuestion.length, server.socketAddress()));
      DatagramPacket reply = new DatagramPacket(new byte[512], 512);
      socket.receive(reply);
      Message formerr = new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
      assertThat(formerr.getHeader().getID()).isEqualTo(0x1234);
      assertThat(formerr.getRcode()).isEqualTo(Rcode.FORMERR);
    }
    assertThat(resolver().send(query(1, "www.lab.test", Type.A)).getRcode())
        .isEqualTo(Rcode.NOERROR);
  }

  @Test
  void servesOnAnyLoopbackAddressButNoOther() throws IOException {
    try (LabDnsServer other = LabDnsServer.builder().zonesDir(dir).address("127.0.0.2").start()) {
      assertThat(other.address().getHostAddress()).isEqualTo("127.0.0.2");
      SimpleResolver resolver = new SimpleResolver(other.socketAddress());
      resolver.setTimeout(Duration.ofSeconds(2));
      assertThat(resolver.send(query(1, "www.lab.test", Type.A)).getRcode())
          .isEqualTo(Rcode.NOERROR);
    }
    assertThatThrownBy(() -> LabDnsServer.builder().zonesDir(dir).address("192.0.2.1").start())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeIsPromptWithAConnectionOpenAndLeavesNoThreadsOrSockets() throws Exception {
    String threadPrefix = "lab-dns-" + server.port() + "-";
    try (Socket idle = new Socket()) {
      idle.connect(server.socketAddress(), 2000);
      long start = System.nanoTime();
      server.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith(threadPrefix));
    new DatagramSocket(server.socketAddress()).close();
  }

  private SimpleResolver resolver() {
    SimpleResolver resolver = new SimpleResolver(server.socketAddress());
    resolver.setTimeout(Duration.ofSeconds(2));
    return resolver;
  }

  private static Message query(int id, String name, int type) {
    Message m =
        Message.newQuery(Record.newRecord(Name.fromConstantString(name + "."), type, DClass.IN));
    m.getHeader().setID(id);
    return m;
  }
}
