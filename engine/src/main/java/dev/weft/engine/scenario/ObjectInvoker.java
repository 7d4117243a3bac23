package dev.weft.engine.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs an {@link ObjectCall} on a shared object through its {@link dev.weft.api.Operation} method and
 * captures what it returned or threw. Only {@link RuntimeException}s thrown by the operation are
 * captured as results; errors propagate.
 */
public final class ObjectInvoker {

    private ObjectInvoker() {
    }

    /** Calls the operation on the test instance with the shared object (and the argument, if any). */
    public static CallResult invoke(Object testInstance, Object state, ObjectCall call) {
        Method method = call.operation().method();
        method.setAccessible(true);
        Object[] arguments = call.argument().isPresent()
                ? new Object[] {state, call.argument().get()}
                : new Object[] {state};
        try {
            Object returned = method.invoke(testInstance, arguments);
            return method.getReturnType() == void.class
                    ? new CallResult.ReturnedVoid()
                    : new CallResult.Returned(returned);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException) {
                return CallResult.Threw.of(thrown);
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            // a checked exception declared by the operation is a result like any other
            return CallResult.Threw.of(thrown);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call operation " + method.getName() + ": " + e.getMessage(), e);
        }
    }
}
