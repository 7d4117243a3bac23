package dev.weft.engine.execution;

import dev.weft.engine.scenario.MapScenarioGenerator;
import dev.weft.engine.scenario.MapScenarioSpec;
import dev.weft.engine.scenario.ScenarioShape;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The map form: each execution runs one generated scenario of map calls on a fresh map from the test
 * method, and the history is checked for linearizability against the model of {@link
 * MapScenarioSpec#mapType()}.
 *
 * @param testClass the test class
 * @param method the test method, returning a fresh empty map
 * @param spec what scenarios draw from
 * @param shape how many calls a scenario has, and where
 */
public record MapProgram(Class<?> testClass, Method method, MapScenarioSpec spec, ScenarioShape shape)
        implements TestProgram {

    /** The generator of this test's scenarios. */
    public MapScenarioGenerator generator() {
        return new MapScenarioGenerator(spec, shape);
    }

    /**
     * A fresh map from the test method.
     *
     * @throws IllegalStateException if the method returned {@code null} or a non-empty map
     */
    @SuppressWarnings("unchecked")
    public Map<Integer, Integer> newMap(Object testInstance) throws Exception {
        Object returned = TestProgram.call(method, testInstance);
        if (returned == null) {
            throw new IllegalStateException(method.getName() + " must return a fresh empty map, was null");
        }
        Map<Integer, Integer> map = (Map<Integer, Integer>) returned;
        if (!map.isEmpty()) {
            throw new IllegalStateException(method.getName() + " must return a fresh empty map, was " + map);
        }
        return map;
    }
}
