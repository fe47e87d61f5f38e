package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Which datagrams {@link PooledUdpClient} takes as the reply to a query, with a raw UDP "server" on
 * loopback that answers however the test tells it to. Each ignored reply is followed by a good one
 * (or by nothing, to see the query time out): the future must hold the good one.
 */
class PooledUdpClientReplyTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private DatagramChannel server;
  private PooledUdpClient client;

  @BeforeEach
  void open() throws IOException {
    server = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = new PooledUdpClient(new UdpPoolSettings(2, 2_000, 65_536));
  }

  @AfterEach
  void close() throws IOException {
    client.close();
    server.close();
  }

  /** A query sent by the client, as the server saw it. */
  private record Received(Message query, SocketAddress from, CompletableFuture<byte[]> reply) {}

  private Received ask(String name, Duration timeout) throws Exception {
    Message query = Message.newQuery(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN));
    byte[] wire = query.toWire();
    CompletableFuture<byte[]> reply = client.sendAndReceiveUdp(
        null, (InetSocketAddress) server.getLocalAddress(), query, wire, 1232, timeout);
    ByteBuffer in = ByteBuffer.allocate(1500);
    SocketAddress from = server.receive(in);
    return new Received(new Message(Arrays.copyOf(in.array(), in.position())), from, reply);
  }

  private static byte[] reply(int id, String name) throws Exception {
    Message m = new Message(id);
    m.getHeader().setFlag(Flags.QR);
    m.addRecord(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN), Section.QUESTION);
    return m.toWire();
  }

  private void sendFrom(DatagramChannel channel, byte[] datagram, SocketAddress to) throws IOException {
    channel.send(ByteBuffer.wrap(datagram), to);
  }

  private void answer(Received q, byte[] datagram) throws IOException {
    sendFrom(server, datagram, q.from());
  }

  private static int id(Received q) {
    return q.query().getHeader().getID();
  }

  @Test
  void aReplyFromAnotherPortIsIgnoredAndTheQueryTimesOut() throws Exception {
    Received q = ask("a.reply.test.", Duration.ofMillis(300));
    InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (DatagramChannel other = DatagramChannel.open().bind(anyPort)) {
      sendFrom(other, reply(id(q), "a.reply.test."), q.from());
      assertThatThrownBy(() -> q.reply().get(2, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SocketTimeoutException.class);
    }
    assertThat(client.dropped()).isEqualTo(1);
    assertThat(Failures.isTimeout(catchCause(q.reply()))).isTrue();
  }

  @Test
  void aReplyFromAnotherLoopbackAddressIsIgnored() throws Exception {
    Received q = ask("a.reply.test.", TIMEOUT);
    try (DatagramChannel other = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.2", 0))) {
      sendFrom(other, reply(id(q), "a.reply.test."), q.from());
    }
    assertTakesOnlyTheGoodReply(q, "a.reply.test.", 1);
  }

  @Test
  void aReplyWithAnotherIdIsIgnored() throws Exception {
    Received q = ask("b.reply.test.", TIMEOUT);
    answer(q, reply((id(q) + 1) & 0xffff, "b.reply.test."));
    assertTakesOnlyTheGoodReply(q, "b.reply.test.", 1);
  }

  @Test
  void aReplyToAnotherQuestionIsIgnored() throws Exception {
    Received q = ask("c.reply.test.", TIMEOUT);
    answer(q, reply(id(q), "d.reply.test."));
    assertTakesOnlyTheGoodReply(q, "c.reply.test.", 1);
  }

  @Test
  void aReplyWithTheNameInAnotherCaseIsTaken() throws Exception {
    Received q = ask("mixed.reply.test.", TIMEOUT);
    assertTakesOnlyTheGoodReply(q, "MiXeD.Reply.TEST.", 0);
  }

  @Test
  void garbageAndCutDatagramsDoNotStopTheReader() throws Exception {
    Received q = ask("e.reply.test.", TIMEOUT);
    byte[] good = reply(id(q), "e.reply.test.");
    answer(q, new byte[] {1, 2, 3});
    answer(q, Arrays.copyOf(good, 12));
    answer(q, Arrays.copyOf(good, good.length - 3));
    byte[] hostileLabel = good.clone();
    hostileLabel[12] = (byte) 0xc0;
    answer(q, hostileLabel);
    byte[] longLabel = good.clone();
    longLabel[12] = (byte) 63;
    answer(q, longLabel);
    answer(q, good);
    assertThat(q.reply().get(2, TimeUnit.SECONDS)).isEqualTo(good);
    assertThat(client.dropped()).isEqualTo(5);
  }

  @Test
  void aReplyIsCutToTheSizeAsked() throws Exception {
    Message query = Message.newQuery(Record.newRecord(Name.fromString("f.reply.test."), Type.TXT, DClass.IN));
    CompletableFuture<byte[]> reply = client.sendAndReceiveUdp(
        null, (InetSocketAddress) server.getLocalAddress(), query, query.toWire(), 40, TIMEOUT);
    ByteBuffer in = ByteBuffer.allocate(1500);
    SocketAddress from = server.receive(in);
    byte[] big = Arrays.copyOf(reply(query.getHeader().getID(), "f.reply.test."), 100);
    sendFrom(server, big, from);
    assertThat(reply.get(2, TimeUnit.SECONDS)).isEqualTo(Arrays.copyOf(big, 40));
  }

  @Test
  void anIdPendingOnEverySocketFailsAtOnce() throws Exception {
    Message query = Message.newQuery(Record.newRecord(Name.fromString("g.reply.test."), Type.TXT, DClass.IN));
    InetSocketAddress to = (InetSocketAddress) server.getLocalAddress();
    CompletableFuture<byte[]> first = client.sendAndReceiveUdp(null, to, query, query.toWire(), 512, TIMEOUT);
    CompletableFuture<byte[]> second = client.sendAndReceiveUdp(null, to, query, query.toWire(), 512, TIMEOUT);
    CompletableFuture<byte[]> third = client.sendAndReceiveUdp(null, to, query, query.toWire(), 512, TIMEOUT);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThatThrownBy(third::join).hasCauseInstanceOf(IOException.class).hasMessageContaining("pending on all 2");
  }

  /** Sends the right reply (question {@code name}) after the bad ones, which were all dropped. */
  private void assertTakesOnlyTheGoodReply(Received q, String name, int dropped) throws Exception {
    byte[] good = reply(id(q), name);
    answer(q, good);
    assertThat(q.reply().get(2, TimeUnit.SECONDS)).isEqualTo(good);
    assertThat(client.dropped()).isEqualTo(dropped);
  }

  private static Throwable catchCause(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
