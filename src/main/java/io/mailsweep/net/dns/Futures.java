package io.mailsweep.net.dns;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Small helpers for composing futures. */
final class Futures {
  private Futures() {}

  /** A callback that settles {@code target} the way the observed future settled. */
  static <T> BiConsumer<T, Throwable> into(CompletableFuture<T> target) {
    return (value, error) -> {
      if (error != null) {
        target.completeExceptionally(error);
      } else {
        target.complete(value);
      }
    };
  }
}
