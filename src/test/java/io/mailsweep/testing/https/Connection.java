package io.mailsweep.testing.https;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSocket;

/** One accepted connection of {@link LabHttpsServer}: handshake, one request, one reply, close. */
final class Connection implements Runnable {
  /** Bound of the request head the server reads. */
  private static final int MAX_REQUEST = 8192;

  private final LabHttpsServer server;
  private final SSLSocket socket;

  Connection(LabHttpsServer server, Socket socket) {
    this.server = server;
    this.socket = (SSLSocket) socket;
  }

  @Override
  public void run() {
    try {
      if (server.stalling()) {
        server.awaitClose();
        return;
      }
      socket.setSoTimeout(LabHttpsServer.REQUEST_TIMEOUT_MILLIS);
      socket.startHandshake();
      String head = readHead(socket.getInputStream());
      if (head != null) {
        answer(head);
      }
    } catch (IOException e) {
      // A failed handshake or a client that went away: nothing to answer.
    } finally {
      drop();
    }
  }

  private void answer(String head) throws IOException {
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String path = requestLine.length > 1 ? requestLine[1] : "";
    String host = field(lines, "host");
    server.recorded(new LabHttpsServer.Request(sni(), host, path, field(lines, "user-agent")));
    Reply reply = server.replyFor(host, path);
    if (reply.framing() == Reply.Framing.SILENT) {
      socket.setSoTimeout(0);
      waitForClose(socket.getInputStream());
      return;
    }
    OutputStream out = socket.getOutputStream();
    out.write(reply.head());
    switch (reply.framing()) {
      case CHUNKED -> writeChunked(out, reply.body());
      case ENDLESS -> writeEndless(out);
      default -> out.write(reply.body());
    }
    out.flush();
  }

  private static void writeChunked(OutputStream out, byte[] body) throws IOException {
    for (int i = 0; i < body.length; i += Reply.CHUNK) {
      int n = Math.min(Reply.CHUNK, body.length - i);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private void writeEndless(OutputStream out) throws IOException {
    byte[] block = new byte[16_384];
    Arrays.fill(block, (byte) 'a');
    try {
      while (!server.closed()) {
        out.write(block);
      }
    } catch (IOException e) {
      server.aborted();
    }
  }

  /** Blocks until the peer closes the connection or the server closes the socket. */
  private void waitForClose(InputStream in) throws IOException {
    while (!server.closed() && in.read() >= 0) {
      // Discards whatever the client sends.
    }
  }

  /** The request head up to the empty line, or null when the client closed first. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (head.size() < MAX_REQUEST) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static String field(String[] lines, String name) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private String sni() {
    if (socket.getSession() instanceof ExtendedSSLSession session) {
      for (SNIServerName name : session.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          return host.getAsciiName();
        }
      }
    }
    return null;
  }

  void drop() {
    server.finished(socket);
    closeQuietly(socket);
  }

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already broken.
    }
  }
}
