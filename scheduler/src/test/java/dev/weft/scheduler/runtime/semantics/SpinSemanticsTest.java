package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.strategy.ExhaustiveStrategy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Spin loops: a thread that only reads waits for another thread, so the runtime switches away from
 * it; it declares a hang only when every thread spins and none can change what they read. Loads made
 * through {@code VarHandle} or {@code Unsafe} (here {@code AtomicIntegerArray.get}, a {@code
 * getVolatile}) are reads like a volatile field's, and a long walk over data that only reads is
 * progress, not a spin.
 */
class SpinSemanticsTest {

    /** The executions of an exhaustive search over one spinning waiter and the thread it waits for. */
    private static int executionsOf(Outcomes.Observing program) {
        Map<String, Integer> seen = Outcomes.explore(program, ExhaustiveStrategy.UNBOUNDED);
        assertThat(seen).containsOnlyKeys("woke");
        return seen.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Thread 1 spins on {@code flags.get(0)} until thread 0 sets it. The search may switch between the
     * threads at every step of the spin until the runtime takes it for one; an atomic load counted as a
     * write (it was) made the spin last 1,000 steps (the run-length rule) instead of 64 reads, and the
     * search explored 2,005 executions instead of the 131 of the same spin on a volatile field.
     */
    @Test
    void spinOnAnAtomicLoad_isTakenForASpin_likeOneOnAVolatileField() {
        int onAtomicLoad = executionsOf(() -> {
            AtomicIntegerArray flags = new AtomicIntegerArray(1);
            Thread waiter = start(() -> {
                while (flags.get(0) == 0) {
                    // spins
                }
            });
            flags.set(0, 1);
            waiter.join();
            return "woke";
        });
        int onVolatileField = executionsOf(() -> {
            VolatileFlag flag = new VolatileFlag();
            Thread waiter = start(() -> {
                while (!flag.set) {
                    // spins
                }
            });
            flag.set = true;
            waiter.join();
            return "woke";
        });
        assertThat(onAtomicLoad).isLessThanOrEqualTo(2 * onVolatileField);
    }

    /**
     * A thread that sums a large shared array reads 120,000 times without a write: progress, not a
     * spin. It was declared "hang: thread 0 spins at … and no other thread can change what it reads".
     */
    @Test
    void longWalkOverAnArray_thatOnlyReads_isNoHang() {
        Outcomes.of(() -> {
            int[] values = new int[120_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = 1;
            }
            Thread summer = start(() -> {
                long sum = 0;
                for (int value : values) {
                    sum += value;
                }
                if (sum != values.length) {
                    throw new AssertionError("sum " + sum);
                }
            });
            summer.join();
            return "summed";
        })
                .maxSteps(2_000_000)
                .acceptable("summed", "the walk ends")
                .forbidden("hang", "a walk over data that only reads was taken for a spin")
                .check();
    }

    /** The same walk through atomic loads, whose locations the runtime does not know. */
    @Test
    void longWalkThroughAtomicLoads_isNoHang() {
        Outcomes.of(() -> {
            AtomicIntegerArray values = new AtomicIntegerArray(60_000);
            for (int i = 0; i < values.length(); i++) {
                values.set(i, 1);
            }
            Thread summer = start(() -> {
                long sum = 0;
                for (int i = 0; i < values.length(); i++) {
                    sum += values.get(i);
                }
                if (sum != values.length()) {
                    throw new AssertionError("sum " + sum);
                }
            });
            summer.join();
            return "summed";
        })
                .maxSteps(2_000_000)
                .acceptable("summed", "the walk ends")
                .forbidden("hang", "a walk through atomic loads was taken for a spin")
                .check();
    }

    /** A spin on a volatile field nobody sets is still a hang, declared as a spin, not at the step bound. */
    @Test
    void spinNobodyEnds_isAHang() {
        Outcomes.of(() -> {
            VolatileFlag flag = new VolatileFlag();
            Thread waiter = start(() -> {
                while (!flag.set) {
                    // spins for ever
                }
            });
            waiter.join();
            return "woke";
        })
                .maxSteps(2_000_000)
                .acceptable("hang", "no thread can set the flag")
                .forbidden("hang at the step bound", "the spin was not recognised")
                .forbidden("woke", "the flag is never set")
                .check();
    }
}
