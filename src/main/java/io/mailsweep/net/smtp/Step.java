package io.mailsweep.net.smtp;

/** The steps of one conversation, each with its own timeout; they name failures in reports. */
enum Step implements TimedSocket.Phase {
  CONNECT("the connection"),
  BANNER("the banner"),
  EHLO("the EHLO reply"),
  HELO("the HELO reply"),
  STARTTLS("the STARTTLS reply"),
  HANDSHAKE("the TLS handshake"),
  QUIT("the QUIT reply");

  private final String waitingFor;

  Step(String waitingFor) {
    this.waitingFor = waitingFor;
  }

  /** What the probe was waiting for, as a phrase: "the EHLO reply". */
  @Override
  public String waitingFor() {
    return waitingFor;
  }
}
