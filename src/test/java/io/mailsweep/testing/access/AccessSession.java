package io.mailsweep.testing.access;

import io.mailsweep.testing.access.AccessScenario.AfterReady;
import io.mailsweep.testing.access.Speaker.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** One connection of a {@link LabAccessServer}, played by its {@link AccessScenario}; the server side only. */
final class AccessSession {
  /** Commands served per connection; then the connection is closed. */
  static final int MAX_COMMANDS = 20;

  /** Octets in one command line. */
  static final int MAX_COMMAND_LENGTH = 1000;

  /** A connection idle this long is closed; also ends a silent server the client never leaves. */
  static final Duration IDLE = Duration.ofSeconds(5);

  /** Not a line of any protocol: NUL, high octets, an escape sequence. */
  private static final byte[] GARBAGE = {0, (byte) 0xff, (byte) 0xfe, 0x1b, '[', '2', 'J', 0x7f, '\r', '\n'};

  private final Socket socket;
  private final AccessScenario scenario;
  private final Speaker speaker;
  private final SSLContext tlsContext;
  private final Consumer<String> commands;
  private final Consumer<String> handshakes;
  private boolean secured;
  private InputStream in;
  private OutputStream out;

  AccessSession(Socket socket, AccessScenario scenario, SSLContext tlsContext, Consumer<String> commands,
      Consumer<String> handshakes) {
    this.socket = socket;
    this.scenario = scenario;
    this.speaker = Speaker.of(scenario);
    this.tlsContext = tlsContext;
    this.commands = commands;
    this.handshakes = handshakes;
  }

  void run() {
    try {
      socket.setSoTimeout((int) IDLE.toMillis());
      in = socket.getInputStream();
      out = socket.getOutputStream();
      if (scenario.implicitTls() && !handshake()) {
        return;
      }
      switch (scenario.onAccept()) {
        case CLOSE -> {
          return;
        }
        case SILENT -> drain();
        case GARBAGE -> send(GARBAGE);
        case DRIP -> drip(greeting());
        case GREET -> send(greeting());
      }
      if (!scenario.refuseGreeting()) {
        serveCommands();
      }
    } catch (IOException | InterruptedException e) {
      // The client left, the idle timeout struck or the server closed: the session is over.
    }
  }

  private String greeting() {
    return speaker.greeting(scenario.refuseGreeting(), capabilities());
  }

  /** The capabilities as of now: STARTTLS (STLS) only on a plaintext connection that advertises it. */
  private List<String> capabilities() {
    List<String> all = new ArrayList<>(scenario.capabilities());
    if (scenario.advertiseStarttls() && !secured) {
      all.add(speaker.starttls());
    }
    return all;
  }

  private void serveCommands() throws IOException {
    for (int i = 0; i < MAX_COMMANDS; i++) {
      String line = readLine();
      if (line == null) {
        return;
      }
      commands.accept(line);
      Answer answer = speaker.answer(line, capabilities());
      send(answer.text().getBytes(StandardCharsets.US_ASCII));
      switch (answer.next()) {
        case END -> {
          return;
        }
        case STARTTLS -> {
          if (scenario.afterReady() == AfterReady.STALL) {
            drain();
            return;
          }
          if (!handshake()) {
            return;
          }
        }
        case CONTINUE -> { }
      }
    }
  }

  private boolean handshake() throws IOException {
    SSLSocket tls = (SSLSocket) tlsContext.getSocketFactory().createSocket(socket, null, true);
    tls.setUseClientMode(false);
    if (scenario.tlsProtocols() != null) {
      tls.setEnabledProtocols(scenario.tlsProtocols().toArray(String[]::new));
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
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      Thread.sleep(scenario.drip().toMillis());
      out.write(b);
      out.flush();
    }
  }

  private void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void send(byte[] octets) throws IOException {
    out.write(octets);
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
}
