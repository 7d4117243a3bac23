package dev.weft.models.model;

import dev.weft.models.history.Result;
import java.util.Objects;

/**
 * One allowed outcome of a step: the result the operation returns and the state after it.
 *
 * @param result what the operation returns or throws
 * @param next the state after the operation; an operation that throws usually leaves the state as
 *     it was
 * @param <S> the model's state type
 */
public record Outcome<S>(Result result, S next) {

  /** Validates the components. */
  public Outcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(next, "next state");
  }

  /** The operation returns {@code value} and the state becomes {@code next}. */
  public static <S> Outcome<S> returns(Object value, S next) {
    return new Outcome<>(Result.value(value), next);
  }

  /** The operation throws {@code exceptionClass} and the state becomes {@code next}. */
  public static <S> Outcome<S> throwing(Class<? extends Throwable> exceptionClass, S next) {
    return new Outcome<>(Result.exception(exceptionClass.getName()), next);
  }
}
