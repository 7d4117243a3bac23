package dev.weft.engine.scenario;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * The resolved {@code @ObjectScenario} of an object-form test. Immutable.
 *
 * @param stateType the declared return type of the test method
 * @param operations the operations scenarios draw from, not empty
 * @param model the method returning a fresh sequential model; empty = the test method itself
 */
public record ObjectScenarioSpec(Class<?> stateType, List<OperationMethod> operations, Optional<Method> model) {

    /** Copies the list and checks it is not empty. */
    public ObjectScenarioSpec {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations must not be empty");
        }
    }

    /** Whether some operation reads or writes the whole structure. */
    public boolean hasWholeStateOperation() {
        return operations.stream().anyMatch(OperationMethod::wholeState);
    }
}
