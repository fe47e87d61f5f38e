package io.mailsweep.job.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/** A partition request on the wire: what is written, and everything else refused. */
class PartitionRequestConverterTest {
  private final PartitionRequestConverter converter = new PartitionRequestConverter();

  @Test
  void aRequestTravelsAsOneLineOfTextAndComesBackTheSame() {
    Message message = converter.toMessage(new StepExecutionRequest("scanPartition", 4711), new MessageProperties());

    assertThat(new String(message.getBody(), StandardCharsets.US_ASCII))
        .isEqualTo("mailsweep-partition/1 4711 scanPartition");
    assertThat(message.getMessageProperties().getContentType()).isEqualTo("text/plain");
    StepExecutionRequest back = converter.fromMessage(message);
    assertThat(back.getStepExecutionId()).isEqualTo(4711L);
    assertThat(back.getStepName()).isEqualTo("scanPartition");
  }

  @Test
  void bodiesThatAreNotExactlyARequestAreRefused() {
    List<String> hostile = List.of("", "mailsweep-partition/1", "mailsweep-partition/1 12", "mailsweep-partition/2 1 s",
        "mailsweep-partition/1 0 scanPartition", "mailsweep-partition/1 -3 scanPartition",
        "mailsweep-partition/1 99999999999999999999 scanPartition", "mailsweep-partition/1 1 scan Partition",
        "mailsweep-partition/1 1 scanPartition\n", "mailsweep-partition/1 1 ${jndi:ldap://x}",
        "\u00ac\u00ed\u0000\u0005sr\u0000", "mailsweep-partition/1 1 " + "s".repeat(101));
    for (String body : hostile) {
      Message message = new Message(body.getBytes(StandardCharsets.ISO_8859_1), new MessageProperties());
      assertThatThrownBy(() -> converter.fromMessage(message)).as(body)
          .isInstanceOf(MessageConversionException.class).hasMessageStartingWith("not a partition request");
    }
  }

  @Test
  void anOversizedBodyIsRefusedUnread() {
    byte[] big = ("mailsweep-partition/1 1 scanPartition" + " ".repeat(300)).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> converter.fromMessage(new Message(big, new MessageProperties())))
        .hasMessageContaining(big.length + " bytes, at most 256");
  }

  @Test
  void onlyPartitionRequestsAreSent() {
    assertThatThrownBy(() -> converter.toMessage("scanPartition", new MessageProperties()))
        .isInstanceOf(MessageConversionException.class);
  }
}
