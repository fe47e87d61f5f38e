package io.mailsweep.job.remote;

import io.mailsweep.job.ScanEngines;
import java.time.Duration;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageHandler;

/**
 * The worker's side ({@code mailsweep worker}): consumes partition requests from the durable queue,
 * one message per partition at a time per consumer. A request is acknowledged only after its
 * partition has ended, so a worker that dies mid-partition hands it back to RabbitMQ, which gives it
 * to another worker; one that cannot be read or names an unknown step is rejected, not requeued.
 * The container starts only when the command has checked that the broker answers.
 */
@Configuration(proxyBeanMethods = false)
@Profile(WorkerConfiguration.PROFILE)
public class WorkerConfiguration {
  public static final String PROFILE = "worker";

  @Bean
  SimpleMessageListenerContainer partitionListener(ConnectionFactory connections, Queue partitionQueue,
      @Value("${mailsweep.worker.partitions:1}") int partitionsAtOnce,
      @Value("${mailsweep.worker.stop-timeout:10m}") Duration stopTimeout) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(partitionQueue.getName());
    container.setConcurrentConsumers(partitionsAtOnce);
    container.setPrefetchCount(1);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setDefaultRequeueRejected(false);
    container.setAutoStartup(false);
    container.setShutdownTimeout(stopTimeout.toMillis());
    return container;
  }

  @Bean
  DirectChannel workerRequests() {
    return new DirectChannel();
  }

  @Bean
  AmqpInboundChannelAdapter partitionInbound(SimpleMessageListenerContainer partitionListener,
      DirectChannel workerRequests) {
    AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(partitionListener);
    adapter.setMessageConverter(new PartitionRequestConverter());
    adapter.setOutputChannel(workerRequests);
    adapter.setAutoStartup(false);
    return adapter;
  }

  @Bean
  PartitionWorker partitionWorker(JobRepository repository, @Qualifier("scanPartition") Step scanPartition,
      ScanEngines engines) {
    return new PartitionWorker(repository, scanPartition, engines);
  }

  @Bean
  @ServiceActivator(inputChannel = "workerRequests")
  MessageHandler partitionExecutor(PartitionWorker partitionWorker) {
    return message -> partitionWorker.handle((StepExecutionRequest) message.getPayload());
  }
}
