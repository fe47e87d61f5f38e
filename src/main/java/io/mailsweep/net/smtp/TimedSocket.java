package io.mailsweep.net.smtp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A client socket whose every read is bounded by the current step's end: the end of {@code
 * timeout} after {@link #begin} or the probe's deadline, whichever is first. Before each read the
 * socket timeout is set to what is left, and a read with nothing left fails at once, so a server
 * that drips one octet a second still costs at most the step's time. TLS layered over this socket
 * reads through {@link #getInputStream()} too, which bounds the handshake the same way.
 *
 * <p>Writes are not timed: the probe writes a few short commands and a ClientHello, which fit in
 * the socket's send buffer.
 */
final class TimedSocket extends Socket {
  private final Deadline deadline;
  private Step step = Step.CONNECT;
  private Duration stepTimeout = Duration.ZERO;
  private long stepEndNanos;
  private boolean cutByDeadline;
  private boolean timedOut;
  private InputStream timed;

  TimedSocket(Deadline deadline) {
    this.deadline = deadline;
  }

  /** Starts {@code next}, which may take {@code timeout} but never past the probe's deadline. */
  void begin(Step next, Duration timeout) {
    long own = System.nanoTime() + timeout.toNanos();
    step = next;
    stepTimeout = timeout;
    cutByDeadline = own - deadline.endNanos() > 0;
    stepEndNanos = cutByDeadline ? deadline.endNanos() : own;
  }

  void connect(InetSocketAddress target, Duration timeout) throws IOException {
    begin(Step.CONNECT, timeout);
    connect(target, millisLeft());
  }

  Step step() {
    return step;
  }

  Duration stepTimeout() {
    return stepTimeout;
  }

  /** Whether the current step's end is the probe's deadline rather than its own timeout. */
  boolean cutByDeadline() {
    return cutByDeadline;
  }

  /** Whether a read of this socket ran out of time. */
  boolean timedOut() {
    return timedOut;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (timed == null) {
      timed = new TimedInput(super.getInputStream());
    }
    return timed;
  }

  /** What is left of the current step, at least 1 ms (0 would mean "no timeout"); throws if none. */
  private int millisLeft() throws SocketTimeoutException {
    long left = Duration.ofNanos(stepEndNanos - System.nanoTime()).toMillis();
    if (left <= 0) {
      timedOut = true;
      throw new SocketTimeoutException("no time left for " + step.waitingFor());
    }
    return (int) Math.min(left, Integer.MAX_VALUE);
  }

  private final class TimedInput extends FilterInputStream {
    TimedInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      setSoTimeout(millisLeft());
      try {
        return super.read();
      } catch (SocketTimeoutException e) {
        timedOut = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      setSoTimeout(millisLeft());
      try {
        return super.read(b, off, len);
      } catch (SocketTimeoutException e) {
        timedOut = true;
        throw e;
      }
    }
  }
}
