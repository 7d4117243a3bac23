package dev.weft.engine.scenario;

import dev.weft.api.MapOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the scenarios of a map-form test. Scenario {@code i} of a test depends only on the seed,
 * {@code i}, the shape and the spec: the same on every run, every machine and every JDK, so that a
 * replay token need only name the scenario's index (or carry the scenario itself).
 */
public final class MapScenarioGenerator {

    private final MapScenarioSpec spec;
    private final ScenarioShape shape;

    /** A generator for the given spec and shape. */
    public MapScenarioGenerator(MapScenarioSpec spec, ScenarioShape shape) {
        this.spec = spec;
        this.shape = shape;
    }

    /** Scenario {@code index} of the test with the given seed. */
    public Scenario<MapCall> generate(long seed, int index) {
        SplitMix64 random = SplitMix64.forStream(seed, index);
        List<MapCall> before = calls(random, shape.before());
        List<List<MapCall>> threads = new ArrayList<>();
        for (int thread = 0; thread < shape.threads(); thread++) {
            threads.add(calls(random, shape.operationsPerThread()));
        }
        List<MapCall> after = calls(random, shape.after());
        return new Scenario<>(index, before, threads, after);
    }

    private List<MapCall> calls(SplitMix64 random, int count) {
        List<MapCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(call(random));
        }
        return calls;
    }

    private MapCall call(SplitMix64 random) {
        MapOperation operation = spec.operations().get(random.nextInt(spec.operations().size()));
        return switch (operation.shape()) {
            case NONE -> MapCall.of(operation);
            case KEY -> MapCall.of(operation, key(random));
            case VALUE -> MapCall.of(operation, value(random));
            case KEY_VALUE -> MapCall.of(operation, key(random), value(random));
            case KEY_VALUE_VALUE -> MapCall.of(operation, key(random), value(random), value(random));
            case ENTRIES -> entries(operation, random);
        };
    }

    private MapCall entries(MapOperation operation, SplitMix64 random) {
        int first = random.nextInt(spec.keys().size());
        Integer firstValue = value(random);
        if (spec.keys().size() == 1) {
            return MapCall.of(operation, spec.keys().get(first), firstValue);
        }
        // a second, distinct key: one of the others, uniformly
        int second = (first + 1 + random.nextInt(spec.keys().size() - 1)) % spec.keys().size();
        return MapCall.of(operation, spec.keys().get(first), firstValue, spec.keys().get(second), value(random));
    }

    private Integer key(SplitMix64 random) {
        return spec.keys().get(random.nextInt(spec.keys().size()));
    }

    private Integer value(SplitMix64 random) {
        return spec.values().get(random.nextInt(spec.values().size()));
    }
}
