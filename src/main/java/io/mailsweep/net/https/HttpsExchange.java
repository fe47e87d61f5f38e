package io.mailsweep.net.https;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One fetch on one socket, from connect to close, within the total deadline. Every failure of the
 * network or the server becomes a {@link FetchResult}; {@link #run()} never throws for them.
 */
final class HttpsExchange {
  private static final int READ_BUFFER = 8192;

  /** How far the exchange got, for the detail of a failure. */
  private enum Phase {
    CONNECT("connecting"),
    HANDSHAKE("in the TLS handshake"),
    REQUEST("sending the request"),
    RESPONSE("reading the response");

    private final String text;

    Phase(String text) {
      this.text = text;
    }
  }

  private final SSLContext context;
  private final HttpsSettings settings;
  private final PolicyRequest request;
  private final Socket raw = new Socket();
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private volatile boolean expired;
  private Phase phase = Phase.CONNECT;

  HttpsExchange(SSLContext context, HttpsSettings settings, PolicyRequest request) {
    this.context = context;
    this.settings = settings;
    this.request = request;
    this.deadlineNanos = startNanos + settings.totalDeadline().toNanos();
  }

  FetchResult run() {
    // The watchdog runs on the JDK's CompletableFuture delayer thread: closing a plain socket
    // does not block, and completing the exchange cancels it.
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.orTimeout(settings.totalDeadline().toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
      if (e != null) {
        expired = true;
        close();
      }
    });
    FetchResult result;
    try {
      result = exchange();
    } catch (IOException | RuntimeException e) {
      result = failure(e);
    } finally {
      done.complete(null);
      close();
    }
    return result.withMillis((System.nanoTime() - startNanos) / 1_000_000);
  }

  private FetchResult exchange() throws IOException {
    int connectMillis = (int) Math.min(settings.connectTimeout().toMillis(),
        DeadlineInputStream.remainingMillis(deadlineNanos));
    raw.connect(new InetSocketAddress(request.address(), request.port()), connectMillis);
    phase = Phase.HANDSHAKE;
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, request.host().text(), request.port(),
        true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setServerNames(List.of(new SNIHostName(request.host().text())));
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(DeadlineInputStream.remainingMillis(deadlineNanos));
    tls.startHandshake();
    phase = Phase.REQUEST;
    OutputStream out = tls.getOutputStream();
    out.write(requestHead());
    out.flush();
    phase = Phase.RESPONSE;
    InputStream in = new BufferedInputStream(new DeadlineInputStream(tls, tls.getInputStream(), deadlineNanos),
        READ_BUFFER);
    return new ResponseReader(settings).read(in, request.mediaType());
  }

  private byte[] requestHead() {
    return ("GET " + request.path() + " HTTP/1.1\r\n"
        + "Host: " + request.authority() + "\r\n"
        + "User-Agent: " + settings.userAgent() + "\r\n"
        + "Accept: " + request.mediaType() + "\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private FetchResult failure(Exception e) {
    String message = Printable.cut(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
        HttpsSettings.MAX_QUOTE_CHARS);
    if (expired) {
      return FetchResult.failure(FetchOutcome.TIMEOUT, "no complete response within "
          + settings.totalDeadline().toMillis() + " ms (the deadline passed " + phase.text + ")");
    }
    if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
      return FetchResult.failure(FetchOutcome.TIMEOUT, "timed out " + phase.text + ": " + message);
    }
    if (e instanceof IllegalArgumentException && phase == Phase.HANDSHAKE) {
      return FetchResult.failure(FetchOutcome.TLS_FAILED, "handshake failed: " + request.host()
          + " cannot be sent as a TLS server name (" + message + ")");
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof SSLException ssl && !(e.getCause() instanceof SocketException)) {
      return phase == Phase.HANDSHAKE ? FetchResult.failure(FetchOutcome.TLS_FAILED, TlsFailures.describe(ssl))
          : FetchResult.failure(FetchOutcome.PROTOCOL_ERROR, "TLS error " + phase.text + ": " + message);
    }
    return FetchResult.failure(FetchOutcome.CONNECT_FAILED, phase == Phase.CONNECT ? "connect failed: " + message
        : "the connection broke " + phase.text + ": " + message);
  }

  private void close() {
    try {
      raw.close();
    } catch (IOException e) {
      // Closing a socket that is already broken has nothing left to report.
    }
  }
}
