package dev.weft.engine.runner;

import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.ObjectCall;
import dev.weft.scheduler.runtime.ManagedThreads;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * An {@code @Operation} call, prepared as a method handle: inside an execution it runs the operation
 * and nothing of the engine's (no reflection, whose first calls differ from later ones).
 */
final class PreparedObjectCall implements ScenarioCall {

    private final ObjectCall call;
    private final String text;
    private final MethodHandle operation;
    private final boolean returnsVoid;

    PreparedObjectCall(ObjectCall call) {
        this.call = call;
        this.text = call.render();
        try {
            call.operation().method().setAccessible(true);
            MethodHandle direct = MethodHandles.lookup().unreflect(call.operation().method());
            // one generic type for every call site, adapted here, outside any execution
            this.operation = direct.asType(MethodType.genericMethodType(direct.type().parameterCount()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call operation " + call.operation().name() + ": " + e.getMessage(), e);
        }
        this.returnsVoid = call.operation().method().getReturnType() == void.class;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public CallResult invoke(Object target, Object testInstance) {
        Object returned;
        try {
            returned = call.argument().isPresent()
                    ? (Object) operation.invokeExact(testInstance, target, (Object) call.argument().get())
                    : (Object) operation.invokeExact(testInstance, target);
        } catch (Error e) {
            throw e;
        } catch (Throwable thrown) {
            return ManagedThreads.quietly(() -> CallResult.Threw.of(thrown));
        }
        Object value = returned;
        return ManagedThreads.quietly(() -> returnsVoid ? new CallResult.ReturnedVoid() : new CallResult.Returned(value));
    }

    /**
     * Calls the operation many times on a throwaway object, outside any execution: the JDK links and
     * compiles a method handle's code over its first calls, and that must not happen in some
     * executions and not in others.
     */
    void warm(Object testInstance, Object throwaway, int times) {
        for (int i = 0; i < times; i++) {
            invoke(throwaway, testInstance);
        }
    }

    @Override
    public String modelName() {
        return call.operation().name();
    }

    @Override
    public Object[] modelArguments() {
        return call.argument().isPresent() ? new Object[] {call.argument().get()} : new Object[0];
    }

    @Override
    public Object modelValue(Object value) {
        return SequentialObjectModel.comparable(value);
    }
}
