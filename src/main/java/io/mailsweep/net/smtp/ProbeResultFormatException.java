package io.mailsweep.net.smtp;

/** Bytes that {@link ProbeResultCodec} cannot read back: truncated, corrupted, or of another format. */
public final class ProbeResultFormatException extends Exception {
  public ProbeResultFormatException(String message) {
    super(message);
  }

  public ProbeResultFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
