package dev.weft.engine.scenario;

import java.util.Optional;

/**
 * One call of an {@link OperationMethod} in an object-form scenario.
 *
 * @param operation the operation
 * @param argument its argument, present exactly when the operation takes one
 */
public record ObjectCall(OperationMethod operation, Optional<Integer> argument) {

    /** The call as printed in reports: {@code offer(2)}, {@code poll()}. */
    public String render() {
        return operation.name() + "(" + argument.map(String::valueOf).orElse("") + ")";
    }

    @Override
    public String toString() {
        return render();
    }
}
