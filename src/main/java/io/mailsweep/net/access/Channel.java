package io.mailsweep.net.access;

import io.mailsweep.net.smtp.TimedSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The conversation's current stream, plaintext or TLS, as the dialects use it: every command and
 * every wait for a response starts a step of the {@link TimedSocket}, which bounds its reads.
 */
final class Channel {
  private final TimedSocket<AccessStep> socket;
  private final AccessSettings settings;
  private OutputStream out;
  private ResponseLines lines;

  Channel(TimedSocket<AccessStep> socket, AccessSettings settings) {
    this.socket = socket;
    this.settings = settings;
  }

  /** Talks over {@code channel} from now on; whatever the old reader had buffered is dropped. */
  void use(Socket channel, InputStream in) throws IOException {
    out = channel.getOutputStream();
    lines = new ResponseLines(in, settings);
  }

  /** Starts waiting for the greeting. */
  void awaitGreeting() {
    socket.begin(AccessStep.GREETING, settings.greetingTimeout());
    lines.startResponse();
  }

  /** Sends one command line and starts waiting for its response. */
  void send(AccessStep step, String command) throws IOException {
    socket.begin(step, settings.commandTimeout());
    lines.startResponse();
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The next line of the current response. */
  String line() throws IOException {
    return lines.next();
  }

  /** Whether the current response had begun when it failed. */
  boolean inResponse() {
    return lines != null && lines.inResponse();
  }
}
