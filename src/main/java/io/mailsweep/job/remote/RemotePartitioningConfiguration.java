package io.mailsweep.job.remote;

import io.mailsweep.schedule.ScheduleLog;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of remote partitioning: the scan step's partition requests go through a
 * Spring Integration channel to RabbitMQ, into one durable queue that every worker consumes. Nothing
 * here connects until a run with {@code --workers amqp} sends its first request.
 *
 * <p>The manager learns that partitions finished by polling the job repository, not from replies:
 * the repository is where a partition's outcome is committed anyway, it survives a restart of the
 * manager (replies addressed to a manager that died would be lost), and a partition that RabbitMQ
 * delivers twice (its worker died) would otherwise answer twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
public class RemotePartitioningConfiguration {
  /** The scan step's worker step, as the workers know it. */
  public static final String WORKER_STEP = "scanPartition";

  @Bean
  Queue partitionQueue(@Value("${mailsweep.remote.queue:mailsweep.partitions}") String name) {
    return QueueBuilder.durable(name).build();
  }

  @Bean
  DirectChannel partitionRequests() {
    return new DirectChannel();
  }

  @Bean
  RabbitTemplate partitionTemplate(ConnectionFactory connections) {
    RabbitTemplate template = new RabbitTemplate(connections);
    template.setMessageConverter(new PartitionRequestConverter());
    return template;
  }

  @Bean
  @ServiceActivator(inputChannel = "partitionRequests")
  AmqpOutboundEndpoint partitionPublisher(RabbitTemplate partitionTemplate, Queue partitionQueue) {
    AmqpOutboundEndpoint endpoint = new AmqpOutboundEndpoint(partitionTemplate);
    endpoint.setExchangeName("");
    endpoint.setRoutingKey(partitionQueue.getName());
    return endpoint;
  }

  @Bean
  MessagingTemplate partitionMessages(DirectChannel partitionRequests) {
    return new MessagingTemplate(partitionRequests);
  }

  /** What {@code queue} holds and how many consumers take from it, as the broker says now. */
  public static String describe(AmqpAdmin admin, Queue queue) {
    try {
      QueueInformation info = admin.getQueueInfo(queue.getName());
      return info == null ? "queue " + queue.getName() + " does not exist"
          : "queue " + queue.getName() + " holds " + info.getMessageCount() + " partition request(s), "
              + info.getConsumerCount() + " worker consumer(s)";
    } catch (RuntimeException e) {
      return "queue " + queue.getName() + ": the broker does not answer (" + e.getMessage() + ")";
    }
  }

  /**
   * The handler of one run's scan step: sends one request per partition and polls the repository
   * every {@code pollInterval} until all of them have ended, for at most {@code timeout}.
   */
  public static PartitionHandler handler(MessagingTemplate messages, JobRepository repository,
      int gridSize, Duration pollInterval, Duration timeout) throws Exception {
    MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    handler.setStepName(WORKER_STEP);
    handler.setGridSize(gridSize);
    handler.setMessagingOperations(messages);
    handler.setJobRepository(repository);
    handler.setPollInterval(pollInterval.toMillis());
    handler.setTimeout(timeout.isZero() ? -1 : timeout.toMillis());
    handler.afterPropertiesSet();
    return (splitter, managerStep) -> {
      try {
        return handler.handle(splitter, managerStep);
      } catch (TimeoutException e) {
        throw new IllegalStateException("the workers did not finish the run's partitions within "
            + ScheduleLog.human(timeout) + " (MAILSWEEP_REMOTE_TIMEOUT); the partitions"
            + " they finish meanwhile keep their results", e);
      }
    };
  }
}
