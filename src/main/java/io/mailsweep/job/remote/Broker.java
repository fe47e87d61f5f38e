package io.mailsweep.job.remote;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/** The RabbitMQ broker as the commands see it: where it is, and whether it answers. */
public final class Broker {
  private Broker() {}

  /** {@code amqp://user@host:port/vhost}, without the password: what the connection settings name. */
  public static String describe(ConnectionFactory connections) {
    String user = connections instanceof CachingConnectionFactory c ? c.getUsername() + "@" : "";
    String vhost = connections.getVirtualHost();
    return "amqp://" + user + connections.getHost() + ":" + connections.getPort()
        + (vhost == null || vhost.equals("/") ? "" : "/" + vhost);
  }

  /**
   * Opens and closes one connection (bounded by {@code spring.rabbitmq.connection-timeout}); also
   * declares the partition queue, which the broker does on a connection's first use.
   *
   * @throws IllegalStateException naming the broker tried and why it failed
   */
  public static void check(ConnectionFactory connections) {
    try (Connection c = connections.createConnection()) {
      if (!c.isOpen()) {
        throw new IllegalStateException("the connection closed at once");
      }
    } catch (AmqpException | IllegalStateException e) {
      throw new IllegalStateException("cannot reach the message broker at " + describe(connections) + ": "
          + rootMessage(e) + " (set SPRING_RABBITMQ_HOST, SPRING_RABBITMQ_PORT, SPRING_RABBITMQ_USERNAME,"
          + " SPRING_RABBITMQ_PASSWORD or SPRING_RABBITMQ_VIRTUAL_HOST)", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
