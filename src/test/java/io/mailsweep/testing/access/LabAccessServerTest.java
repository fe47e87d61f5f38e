package io.mailsweep.testing.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.net.access.AccessProtocol;
import io.mailsweep.testing.tls.TestCa;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fixture itself, spoken to by hand: it must record the logins a careless client sends. */
class LabAccessServerTest {
  @Test
  void imapConversationAndItsLoginAreRecorded() throws IOException {
    AccessScenario scenario = AccessScenario.starttls(AccessProtocol.IMAP, TestCa.selfSigned("imap.test"))
        .capabilities("IMAP4rev1", "LOGINDISABLED").build();
    try (LabAccessServer server = LabAccessServer.start(scenario);
        Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
      client.setSoTimeout(2000);
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      assertThat(in.readLine()).isEqualTo("* OK LabAccessServer ready");
      out.write("t1 CAPABILITY\r\nt2 login bob secret\r\nt3 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("* CAPABILITY IMAP4rev1 LOGINDISABLED STARTTLS");
      assertThat(in.readLine()).isEqualTo("t1 OK CAPABILITY completed");
      assertThat(in.readLine()).startsWith("t2 BAD ");
      assertThat(in.readLine()).isEqualTo("* BYE logging out");
      assertThat(in.readLine()).isEqualTo("t3 OK LOGOUT completed");
      assertThat(in.readLine()).isNull();
      assertThat(server.commands()).containsExactly("t1 CAPABILITY", "t2 login bob secret", "t3 LOGOUT");
      assertThat(server.credentialCommands()).containsExactly("t2 login bob secret");
    }
  }

  @Test
  void credentialCommandsOfEveryProtocol() {
    assertThat(LabAccessServer.isCredential("a1 LOGIN bob secret")).isTrue();
    assertThat(LabAccessServer.isCredential("a1 authenticate PLAIN")).isTrue();
    assertThat(LabAccessServer.isCredential("USER bob")).isTrue();
    assertThat(LabAccessServer.isCredential("PASS secret")).isTrue();
    assertThat(LabAccessServer.isCredential("APOP bob 0123")).isTrue();
    assertThat(LabAccessServer.isCredential("AUTH PLAIN AGJvYgBzZWNyZXQ=")).isTrue();
    assertThat(LabAccessServer.isCredential("a1 CAPABILITY")).isFalse();
    assertThat(LabAccessServer.isCredential("EHLO mailsweep.invalid")).isFalse();
    assertThat(LabAccessServer.isCredential("STLS")).isFalse();
  }
}
