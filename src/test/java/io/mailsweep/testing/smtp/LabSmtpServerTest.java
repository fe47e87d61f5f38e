package io.mailsweep.testing.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.testing.tls.TestCa;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fixture itself, spoken to by hand. */
class LabSmtpServerTest {
  @Test
  void scriptedConversationIsRecorded() throws IOException {
    Scenario scenario = Scenario.starttls(TestCa.selfSigned("mx.test")).greeting(220, "one", "two").build();
    try (LabSmtpServer server = LabSmtpServer.start(scenario);
        Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
      client.setSoTimeout(2000);
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      assertThat(in.readLine()).isEqualTo("220-one");
      assertThat(in.readLine()).isEqualTo("220 two");
      out.write("EHLO me.test\r\nMAIL FROM:<a@b.test>\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("250-lab.test greets you");
      String line;
      while ((line = in.readLine()).startsWith("250-")) {
        // extensions
      }
      assertThat(line).isEqualTo("250 8BITMIME");
      assertThat(in.readLine()).startsWith("502 ");
      assertThat(in.readLine()).startsWith("221 ");
      assertThat(in.readLine()).isNull();
      assertThat(server.commands()).containsExactly("EHLO me.test", "MAIL FROM:<a@b.test>", "QUIT");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void refusedPortRefuses() throws IOException {
    int port = LabSmtpServer.refusedPort();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }
}
