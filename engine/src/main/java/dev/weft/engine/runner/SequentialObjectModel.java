package dev.weft.engine.runner;

import dev.weft.engine.execution.ObjectProgram;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.ObjectCall;
import dev.weft.engine.scenario.ObjectInvoker;
import dev.weft.engine.scenario.OperationMethod;
import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import dev.weft.models.model.Model;
import dev.weft.models.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sequential model of an object-form test: the model object (the test's {@code model} method,
 * or the test method itself) run one operation at a time. A state is the list of operations applied
 * so far; a step builds a fresh model object and replays them, so the model may be any class.
 * Quadratic in the history's length, which is fine for the few operations of a scenario.
 */
final class SequentialObjectModel implements Model<List<ObjectCall>> {

    private final ObjectProgram program;

    SequentialObjectModel(ObjectProgram program) {
        this.program = program;
    }

    @Override
    public List<ObjectCall> initialState() {
        return List.of();
    }

    @Override
    public List<Outcome<List<ObjectCall>>> step(List<ObjectCall> applied, Operation op) {
        ObjectCall call = call(op);
        try {
            Object instance = program.instances().create();
            Object model = program.newModel(instance);
            for (ObjectCall earlier : applied) {
                ObjectInvoker.invoke(instance, model, earlier);
            }
            CallResult result = ObjectInvoker.invoke(instance, model, call);
            List<ObjectCall> next = new ArrayList<>(applied.size() + 1);
            next.addAll(applied);
            next.add(call);
            return List.of(new Outcome<>(result(result), List.copyOf(next)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the sequential model of " + program.method().getName() + " failed: " + e, e);
        }
    }

    private ObjectCall call(Operation op) {
        for (OperationMethod operation : program.spec().operations()) {
            if (operation.name().equals(op.name())) {
                Optional<Integer> argument = op.arity() == 0 ? Optional.empty()
                        : Optional.of(((Number) op.arg(0)).intValue());
                return new ObjectCall(operation, argument);
            }
        }
        throw new IllegalArgumentException("no @Operation named " + op.name());
    }

    static Result result(CallResult result) {
        if (result instanceof CallResult.Threw threw) {
            return Result.exception(threw.type().getName());
        }
        if (result instanceof CallResult.Returned returned) {
            return Result.value(comparable(returned.value()));
        }
        return Result.value(null);
    }

    /** Values the checker can compare: numbers, booleans, strings and null as they are; anything else as its text. */
    static Object comparable(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }
}
