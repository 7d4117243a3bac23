package dev.weft.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates the scenarios of an object-form test, deterministically from the seed and the scenario's
 * index, like {@link MapScenarioGenerator}.
 */
public final class ObjectScenarioGenerator {

    private final ObjectScenarioSpec spec;
    private final ScenarioShape shape;

    /** A generator for the given spec and shape. */
    public ObjectScenarioGenerator(ObjectScenarioSpec spec, ScenarioShape shape) {
        this.spec = spec;
        this.shape = shape;
    }

    /** Scenario {@code index} of the test with the given seed. */
    public Scenario<ObjectCall> generate(long seed, int index) {
        SplitMix64 random = SplitMix64.forStream(seed, index);
        List<ObjectCall> before = calls(random, shape.before());
        List<List<ObjectCall>> threads = new ArrayList<>();
        for (int thread = 0; thread < shape.threads(); thread++) {
            threads.add(calls(random, shape.operationsPerThread()));
        }
        List<ObjectCall> after = calls(random, shape.after());
        return new Scenario<>(index, before, threads, after);
    }

    private List<ObjectCall> calls(SplitMix64 random, int count) {
        List<ObjectCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            OperationMethod operation = spec.operations().get(random.nextInt(spec.operations().size()));
            Optional<Integer> argument = operation.takesArgument()
                    ? Optional.of(operation.arguments().get(random.nextInt(operation.arguments().size())))
                    : Optional.empty();
            calls.add(new ObjectCall(operation, argument));
        }
        return calls;
    }
}
