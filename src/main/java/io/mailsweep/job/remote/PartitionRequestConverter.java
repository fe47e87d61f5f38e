package io.mailsweep.job.remote;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the wire: one line of text, {@code mailsweep-partition/1 STEP_EXECUTION_ID
 * STEP_NAME}. Deliberately not Java serialization: a worker reads what anyone with access to the
 * queue can publish, and this parser accepts nothing but a number and a step name. The worker
 * looks everything else up in the shared job repository.
 */
public final class PartitionRequestConverter implements MessageConverter {
  static final String FORMAT = "mailsweep-partition/1";
  /** Far more than a valid request needs; longer bodies are refused unread. */
  static final int MAX_BYTES = 256;
  private static final Pattern REQUEST = Pattern.compile(
      Pattern.quote(FORMAT) + " ([1-9][0-9]{0,17}) ([A-Za-z][A-Za-z0-9_.:-]{0,99})");

  @Override
  public Message toMessage(Object object, MessageProperties properties) {
    if (!(object instanceof StepExecutionRequest request)) {
      throw new MessageConversionException("not a partition request: " + object);
    }
    properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
    properties.setContentEncoding(StandardCharsets.US_ASCII.name());
    String body = FORMAT + " " + request.getStepExecutionId() + " " + request.getStepName();
    return new Message(body.getBytes(StandardCharsets.US_ASCII), properties);
  }

  @Override
  public StepExecutionRequest fromMessage(Message message) {
    byte[] body = message.getBody();
    if (body == null || body.length > MAX_BYTES) {
      throw new MessageConversionException("not a partition request: "
          + (body == null ? "no body" : body.length + " bytes, at most " + MAX_BYTES + " expected"));
    }
    String text = new String(body, StandardCharsets.US_ASCII);
    Matcher m = REQUEST.matcher(text);
    if (!m.matches()) {
      throw new MessageConversionException("not a partition request: '" + printable(text) + "'");
    }
    return new StepExecutionRequest(m.group(2), Long.parseLong(m.group(1)));
  }

  private static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
