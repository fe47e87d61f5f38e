package io.mailsweep.testing.smtp;

import io.mailsweep.testing.smtp.Scenario.AfterReady;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** One connection of a {@link LabSmtpServer}, played by its {@link Scenario}; the server side only. */
final class SmtpSession {
  /** Commands served per connection; then the connection is closed. */
  static final int MAX_COMMANDS = 20;

  /** Octets in one command line (RFC 5321 §4.5.3.1.4: 512). */
  static final int MAX_COMMAND_LENGTH = 1000;

  /** A connection idle this long is closed; also ends a tarpit or stall the client never leaves. */
  static final Duration IDLE = Duration.ofSeconds(5);

  /** A TLS handshake record of 16 KiB (RFC 8446 §5.1): header, then zeros the client never sees. */
  private static final byte[] SLOW_RECORD = slowRecord();

  private final Socket socket;
  private final Scenario scenario;
  private final Consumer<String> commands;
  private final Consumer<String> handshakes;
  private final SSLContext tlsContext;
  private boolean secured;
  private InputStream in;
  private OutputStream out;

  SmtpSession(Socket socket, Scenario scenario, SSLContext tlsContext, Consumer<String> commands,
      Consumer<String> handshakes) {
    this.socket = socket;
    this.tlsContext = tlsContext;
    this.scenario = scenario;
    this.commands = commands;
    this.handshakes = handshakes;
  }

  void run() {
    try {
      socket.setSoTimeout((int) IDLE.toMillis());
      in = socket.getInputStream();
      out = socket.getOutputStream();
      switch (scenario.onAccept()) {
        case CLOSE -> {
          return;
        }
        case TARPIT -> drain();
        case DRIP -> drip(greeting());
        case GREET -> send(greeting());
      }
      serveCommands();
    } catch (IOException | InterruptedException e) {
      // The client left, the idle timeout struck or the server closed: the session is over.
    }
  }

  private String greeting() {
    return reply(scenario.greetingCode(), scenario.greeting());
  }

  private void serveCommands() throws IOException, InterruptedException {
    for (int i = 0; i < MAX_COMMANDS; i++) {
      String line = readLine();
      if (line == null) {
        return;
      }
      commands.accept(line);
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> send(scenario.ehloAccepted() ? reply(250, ehloLines()) : "502 5.5.2 EHLO not here\r\n");
        case "HELO" -> send("250 lab.test\r\n");
        case "STARTTLS" -> {
          if (!startTls()) {
            return;
          }
        }
        case "NOOP", "RSET" -> send("250 2.0.0 OK\r\n");
        case "QUIT" -> {
          send("221 2.0.0 Bye\r\n");
          return;
        }
        default -> send("502 5.5.1 this lab server takes no mail\r\n");
      }
    }
  }

  private List<String> ehloLines() {
    List<String> lines = new ArrayList<>(List.of("lab.test greets you", "PIPELINING", "SIZE 10240000"));
    for (int i = 0; i < scenario.extraEhloLines(); i++) {
      lines.add("X-LAB-" + i);
    }
    if (scenario.longEhloLine() > 0) {
      lines.add("X-LONG " + "x".repeat(scenario.longEhloLine()));
    }
    if (scenario.advertiseStarttls() && !secured) {
      lines.add("STARTTLS");
    }
    lines.add("8BITMIME");
    return lines;
  }

  /** Answers STARTTLS; false when the connection is to end. */
  private boolean startTls() throws IOException, InterruptedException {
    if (!scenario.advertiseStarttls() || scenario.starttlsCode() != 220 || secured) {
      int code = scenario.advertiseStarttls() ? scenario.starttlsCode() : 502;
      send(code + " 4.7.0 TLS not available\r\n");
      return true;
    }
    send("220 2.0.0 Ready to start TLS\r\n");
    if (scenario.afterReady() == AfterReady.DROP) {
      return false;
    }
    if (scenario.afterReady() == AfterReady.STALL) {
      drain();
      return false;
    }
    if (scenario.afterReady() == AfterReady.DRIP) {
      in.read(new byte[4096]);
      drip(SLOW_RECORD);
      return false;
    }
    return handshake();
  }

  private boolean handshake() throws IOException {
    SSLSocket tls = (SSLSocket) tlsContext.getSocketFactory().createSocket(socket, null, true);
    tls.setUseClientMode(false);
    if (scenario.protocols() != null) {
      tls.setEnabledProtocols(scenario.protocols().toArray(String[]::new));
    }
    if (scenario.cipherSuites() != null) {
      tls.setEnabledCipherSuites(scenario.cipherSuites().toArray(String[]::new));
    }
    try {
      tls.startHandshake();
    } catch (IOException e) {
      handshakes.accept("failed: " + e.getMessage());
      return false;
    }
    handshakes.accept(tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite());
    in = tls.getInputStream();
    out = tls.getOutputStream();
    secured = true;
    return true;
  }

  /** Reads and drops whatever the client sends until it leaves or the idle timeout strikes. */
  private void drain() throws IOException {
    byte[] sink = new byte[1024];
    while (in.read(sink) >= 0) {
      // Nothing is answered.
    }
  }

  private void drip(String text) throws IOException, InterruptedException {
    drip(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void drip(byte[] octets) throws IOException, InterruptedException {
    for (byte b : octets) {
      Thread.sleep(scenario.drip().toMillis());
      out.write(b);
      out.flush();
    }
  }

  private void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A command line without its line end, or null at the end of the stream or past the limit. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      if (line.size() >= MAX_COMMAND_LENGTH) {
        return null;
      }
      line.write(b);
    }
    return null;
  }

  private static byte[] slowRecord() {
    byte[] record = new byte[5 + 0x4000];
    byte[] header = {0x16, 0x03, 0x03, 0x40, 0x00};
    System.arraycopy(header, 0, record, 0, header.length);
    return record;
  }

  /** A reply with one line per element: {@code 250-first}, ..., {@code 250 last} (RFC 5321 §4.2.1). */
  static String reply(int code, List<String> lines) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      s.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
    }
    return s.toString();
  }
}
