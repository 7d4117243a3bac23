package dev.weft.scheduler.programs;

import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.SplittableRandom;

/** Minimal strategies for runtime tests. */
final class TestStrategies {

    private TestStrategies() {}

    /** Switches to a random enabled thread with probability 1/2 at each point. */
    static Strategy random(long seed) {
        return new Strategy() {
            private SplittableRandom random;

            @Override
            public void beginExecution(long index) {
                random = new SplittableRandom(seed * 31 + index);
            }

            @Override
            public int pick(SchedulingPoint point) {
                if (point.isEnabled(point.current()) && random.nextBoolean()) {
                    return point.current();
                }
                return point.enabled(random.nextInt(point.enabledCount()));
            }

            @Override
            public boolean endExecution() {
                return true;
            }

            @Override
            public String describe() {
                return "test-random";
            }
        };
    }
}
