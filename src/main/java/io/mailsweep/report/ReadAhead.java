package io.mailsweep.report;

import io.mailsweep.store.RowWindows;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads on a second thread while the calling thread writes: {@code producer} runs on a thread of
 * its own and hands batches (a window of rows, read and prepared) through a queue of {@link
 * #DEPTH}; {@code consumer} takes them in order on the calling thread. Writing a large table is
 * then the longer of the two instead of their sum, and memory holds at most {@code DEPTH + 2}
 * batches.
 *
 * <p>A failure on either side ends both: the producer's exception is thrown on the calling thread
 * once the producer has stopped; when the consumer fails, the producer is told to stop at its next
 * batch and waited for. Neither thread is interrupted (the database driver may treat an interrupt
 * as a closed file).
 */
final class ReadAhead {

  /** Batches read ahead of the one being written. */
  static final int DEPTH = 2;

  private ReadAhead() {}

  /** The producer's way to hand over a batch; ends the producer once the consumer has given up. */
  interface Sink<T> {
    void put(T batch);
  }

  /** Thrown inside the producer when the consumer has given up, to end it early. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private static final Object END = new Object();

  /**
   * Runs {@code producer} on a thread named {@code name}, {@code consumer} here on each batch it
   * hands over, in order; returns when both are done.
   */
  static <T> void run(String name, Consumer<Sink<T>> producer, Consumer<T> consumer) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    Throwable[] failure = new Throwable[1];
    boolean[] stop = new boolean[1];
    Thread thread = new Thread(() -> {
      try {
        producer.accept(batch -> {
          synchronized (stop) {
            if (stop[0]) {
              throw new Stopped();
            }
          }
          putQuietly(queue, batch);
        });
      } catch (Stopped stopped) {
        return;
      } catch (RuntimeException | Error e) {
        synchronized (failure) {
          failure[0] = e;
        }
      }
      putQuietly(queue, END);
    }, name);
    thread.setDaemon(true);
    thread.start();
    boolean done = false;
    try {
      while (true) {
        Object next = takeQuietly(queue);
        if (next == END) {
          done = true;
          break;
        }
        @SuppressWarnings("unchecked")
        T batch = (T) next;
        consumer.accept(batch);
      }
    } finally {
      if (!done) {
        synchronized (stop) {
          stop[0] = true;
        }
        queue.clear();
      }
      joinQuietly(thread, queue);
    }
    synchronized (failure) {
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      }
      if (failure[0] instanceof Error e) {
        throw e;
      }
    }
  }

  /**
   * {@link #run} over the windows of run {@code runId}'s accepted input rows ({@link RowWindows}):
   * {@code read} loads one window through {@code reader} on the reading thread, {@code write}
   * takes it here.
   */
  static <T> void windows(String name, JdbcTemplate reader, long runId, Function<RowWindows.Window, T> read,
      Consumer<T> write) {
    run(name, sink -> RowWindows.of(reader, runId).forEachRemaining(window -> sink.put(read.apply(window))), write);
  }

  private static void putQuietly(BlockingQueue<Object> queue, Object item) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(item);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Object takeQuietly(BlockingQueue<Object> queue) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for the producer, draining what it still hands over so that it cannot block. */
  private static void joinQuietly(Thread thread, BlockingQueue<Object> queue) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      queue.clear();
      try {
        thread.join(50);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
