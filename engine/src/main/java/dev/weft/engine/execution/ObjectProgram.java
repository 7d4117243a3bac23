package dev.weft.engine.execution;

import dev.weft.engine.scenario.ObjectScenarioGenerator;
import dev.weft.engine.scenario.ObjectScenarioSpec;
import dev.weft.engine.scenario.ScenarioShape;
import java.lang.reflect.Method;

/**
 * The object form: each execution runs one generated scenario of {@link dev.weft.api.Operation} calls
 * on a fresh shared object from the test method; results are checked for linearizability against the
 * same calls on the sequential model.
 *
 * @param testClass the test class
 * @param method the test method, returning a fresh shared object
 * @param spec what scenarios draw from, and the model
 * @param shape how many calls a scenario has, and where
 */
public record ObjectProgram(Class<?> testClass, Method method, ObjectScenarioSpec spec, ScenarioShape shape)
        implements TestProgram {

    /** The generator of this test's scenarios. */
    public ObjectScenarioGenerator generator() {
        return new ObjectScenarioGenerator(spec, shape);
    }

    /** A fresh shared object from the test method. */
    public Object newState(Object testInstance) throws Exception {
        return requireNonNull(TestProgram.call(method, testInstance), method);
    }

    /** A fresh sequential model: from the model method, or from the test method itself when there is none. */
    public Object newModel(Object testInstance) throws Exception {
        Method factory = spec.model().orElse(method);
        return requireNonNull(TestProgram.call(factory, testInstance), factory);
    }

    private static Object requireNonNull(Object returned, Method factory) {
        if (returned == null) {
            throw new IllegalStateException(factory.getName() + " must return a fresh object, was null");
        }
        return returned;
    }
}
