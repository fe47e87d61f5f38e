package io.mailsweep.net.access;

import java.io.IOException;

/**
 * The server's octets are not the protocol's response within the limits; the message says why, in
 * one line, without the step (the failure map adds it).
 */
final class AccessProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  AccessProtocolException(String message) {
    super(message);
  }
}
