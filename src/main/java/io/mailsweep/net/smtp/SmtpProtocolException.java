package io.mailsweep.net.smtp;

import java.io.IOException;

/** The server's bytes are not an SMTP reply within the limits; the message says why, in one line. */
final class SmtpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  SmtpProtocolException(String message) {
    super(message);
  }
}
