package io.mailsweep.net.access;

import io.mailsweep.net.smtp.TimedSocket;

/** The steps of one access conversation, each with its own timeout; they name failures in reports. */
enum AccessStep implements TimedSocket.Phase {
  CONNECT("the connection"),
  GREETING("the greeting"),
  CAPABILITIES("the capabilities"),
  STARTTLS("the STARTTLS response"),
  HANDSHAKE("the TLS handshake"),
  CLOSE("the reply to the closing command");

  private final String waitingFor;

  AccessStep(String waitingFor) {
    this.waitingFor = waitingFor;
  }

  @Override
  public String waitingFor() {
    return waitingFor;
  }
}
