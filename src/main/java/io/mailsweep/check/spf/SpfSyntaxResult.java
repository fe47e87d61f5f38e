package io.mailsweep.check.spf;

import java.util.function.Function;

/** A piece of SPF syntax read into a value, or why it could not be. */
sealed interface SpfSyntaxResult<T> {
  record Ok<T>(T value) implements SpfSyntaxResult<T> {}

  record Error<T>(String message) implements SpfSyntaxResult<T> {}

  static <T> SpfSyntaxResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> SpfSyntaxResult<T> error(String message) {
    return new Error<>(message);
  }

  /** The next step applied to the value; an error passes through unchanged. */
  default <U> SpfSyntaxResult<U> then(Function<T, SpfSyntaxResult<U>> next) {
    if (this instanceof Ok<T> ok) {
      return next.apply(ok.value());
    }
    return error(((Error<T>) this).message());
  }
}
