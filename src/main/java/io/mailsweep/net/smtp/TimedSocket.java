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
 *
 * <p>Public, and generic in its steps, for the other probes of mail servers ({@code net.access}).
 *
 * @param <S> the steps of the conversation, e.g. {@link Step}
 */
public final class TimedSocket<S extends TimedSocket.Phase> extends Socket {
  /** A step of a conversation, as named in timeout messages. */
  public interface Phase {
    /** What the probe is waiting for in this step, as a phrase: "the EHLO reply". */
    String waitingFor();
  }

  private final Deadline deadline;
  private final S connecting;
  private S step;
  private Duration stepTimeout = Duration.ZERO;
  private long stepEndNanos;
  private boolean cutByDeadline;
  private boolean timedOut;
  private InputStream timed;

  /** A socket bounded by {@code deadline}; {@code connecting} is the step of {@link #connect}. */
  public TimedSocket(Deadline deadline, S connecting) {
    this.deadline = deadline;
    this.connecting = connecting;
    this.step = connecting;
  }

  /** Starts {@code next}, which may take {@code timeout} but never past the probe's deadline. */
  public void begin(S next, Duration timeout) {
    long own = System.nanoTime() + timeout.toNanos();
    step = next;
    stepTimeout = timeout;
    cutByDeadline = own - deadline.endNanos() > 0;
    stepEndNanos = cutByDeadline ? deadline.endNanos() : own;
  }

  public void connect(InetSocketAddress target, Duration timeout) throws IOException {
    begin(connecting, timeout);
    connect(target, millisLeft());
  }

  public S step() {
    return step;
  }

  public Duration stepTimeout() {
    return stepTimeout;
  }

  /** Whether the current step's end is the probe's deadline rather than its own timeout. */
  public boolean cutByDeadline() {
    return cutByDeadline;
  }

  /** Whether a read of this socket ran out of time. */
  public boolean timedOut() {
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
