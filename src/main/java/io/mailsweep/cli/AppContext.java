package io.mailsweep.cli;

import io.mailsweep.MailsweepApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, migrations, job repository) for one command. */
final class AppContext {
  static final String DEFAULT_DB = "jdbc:h2:file:./mailsweep-data/mailsweep";
  private static final ThreadLocal<Consumer<ConfigurableApplicationContext>> OBSERVER = new ThreadLocal<>();

  private AppContext() {}

  /**
   * @param threads partitions that run at once: each holds a connection for its chunk transaction
   *     and its reader another, plus the job repository's (spring-batch #1932: a pool smaller than
   *     that deadlocks a partitioned step)
   */
  static ConfigurableApplicationContext start(String db, int chunkSize, int threads, String... extraProperties) {
    Consumer<ConfigurableApplicationContext> observer = OBSERVER.get();
    String url = db == null ? DEFAULT_DB : db;
    if (observer != null) {
      url = keepOpenAtExit(url);
    }
    // Passed as arguments: these take precedence over application.properties.
    List<String> properties = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--mailsweep.scan.chunk-size=" + chunkSize, "--spring.datasource.hikari.maximum-pool-size=" + (2 * threads + 4)));
    properties.addAll(List.of(extraProperties));
    try {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(MailsweepApplication.class)
          .web(WebApplicationType.NONE)
          .registerShutdownHook(observer == null)
          .run(properties.toArray(String[]::new));
      if (observer != null) {
        observer.accept(context);
      }
      return context;
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start with database " + url + ": " + root(e), e);
    }
  }

  /**
   * Runs {@code body} with every context this thread starts meanwhile handed to {@code observer},
   * and without Spring's JVM shutdown hook: the scheduler stops a run on SIGTERM itself, which a
   * context closed under the run would prevent. The command that started a context still closes it.
   */
  static <T> T observed(Consumer<ConfigurableApplicationContext> observer, Supplier<T> body) {
    OBSERVER.set(observer);
    try {
      return body.get();
    } finally {
      OBSERVER.remove();
    }
  }

  /**
   * H2 closes its databases in a JVM shutdown hook of its own (DB_CLOSE_ON_EXIT), which would pull
   * the database from under a run that is stopping on SIGTERM; closing the context closes it.
   */
  private static String keepOpenAtExit(String url) {
    boolean h2 = url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT");
    return h2 ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
  }

  private static String root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
