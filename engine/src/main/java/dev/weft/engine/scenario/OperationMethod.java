package dev.weft.engine.scenario;

import java.lang.reflect.Method;
import java.util.List;

/**
 * A validated {@link dev.weft.api.Operation} method of an object-form test. Immutable.
 *
 * @param method the method; its first parameter takes the shared object
 * @param arguments what its second parameter draws from; empty when it has none
 * @param wholeState whether it reads or writes the whole structure
 */
public record OperationMethod(Method method, List<Integer> arguments, boolean wholeState) {

    /** Copies the arguments. */
    public OperationMethod {
        arguments = List.copyOf(arguments);
    }

    /** The operation's name as printed in reports: the method's name. */
    public String name() {
        return method.getName();
    }

    /** Whether the method takes an argument besides the shared object. */
    public boolean takesArgument() {
        return !arguments.isEmpty();
    }
}
