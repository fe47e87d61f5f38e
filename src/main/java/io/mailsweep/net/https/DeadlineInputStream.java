package io.mailsweep.net.https;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input where every read waits at most until the exchange's deadline: the socket's
 * read timeout is set to the time left before each read.
 */
final class DeadlineInputStream extends FilterInputStream {
  private final Socket socket;
  private final long deadlineNanos;

  DeadlineInputStream(Socket socket, InputStream in, long deadlineNanos) {
    super(in);
    this.socket = socket;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public int read() throws IOException {
    arm();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    return super.read(b, off, len);
  }

  private void arm() throws IOException {
    socket.setSoTimeout(remainingMillis(deadlineNanos));
  }

  /** Milliseconds left, at least 1 (0 would mean "no timeout"). */
  static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
