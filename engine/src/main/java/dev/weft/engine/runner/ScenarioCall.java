package dev.weft.engine.runner;

import dev.weft.engine.scenario.CallResult;

/**
 * One call of a scenario, prepared to run inside an execution (or on real threads) and to be named in a
 * history.
 */
public interface ScenarioCall {

    /** The call as reports print it: {@code put(1, 2)}. */
    String text();

    /**
     * Runs the call on the shared object; a runtime exception is a result, errors (the runtime's
     * signals) propagate.
     */
    CallResult invoke(Object target, Object testInstance);

    /** The operation's name in the history. */
    String modelName();

    /** The arguments as the model takes them. */
    Object[] modelArguments();

    /** A returned value as the model writes it. */
    Object modelValue(Object value);
}
