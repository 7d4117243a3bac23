package dev.weft.examples.benchmarks;

import dev.weft.examples.striped.StripedMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of the catalogue's thread-safe maps under contention: every thread runs a mix of {@code
 * get} and {@code put} on random keys of one shared map of {@value #KEYS} entries.
 *
 * <p>Parameters: {@code variant} — the fix; {@code readPercent} — 95 (read-heavy), 50 (mixed), 5
 * (write-heavy). Threads: one benchmark method per thread count (1, 2, 4), so one run covers the whole
 * matrix. Results are operations per microsecond summed over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FixCostBenchmark {

    /** Keys 0 to KEYS - 1, all present from the start; a power of two for cheap masking. */
    static final int KEYS = 1024;

    /** Boxed once, so that the benchmark measures the maps and not Integer allocation. */
    static final Integer[] BOXED = new Integer[KEYS];

    static {
        for (int i = 0; i < KEYS; i++) {
            BOXED[i] = i;
        }
    }

    /** The shared map, built and filled once per trial. */
    @State(Scope.Benchmark)
    public static class SharedMap {

        @Param({"synchronizedMap", "readWriteLock", "concurrentHashMap", "stripedMap", "copyOnWrite"})
        public String variant;

        @Param({"95", "50", "5"})
        public int readPercent;

        Map<Integer, Integer> map;

        @Setup
        public void build() {
            map = switch (variant) {
                case "synchronizedMap" -> Collections.synchronizedMap(new HashMap<>());
                case "readWriteLock" -> new ReadWriteLockedMap<>();
                case "concurrentHashMap" -> new ConcurrentHashMap<>();
                case "stripedMap" -> new StripedMap<>(16);
                case "copyOnWrite" -> new CopyOnWriteMap<>();
                default -> throw new IllegalArgumentException("unknown variant " + variant);
            };
            for (Integer key : BOXED) {
                map.put(key, key);
            }
        }
    }

    /** Each thread's own random stream, so threads do not contend on the generator. */
    @State(Scope.Thread)
    public static class Draws {

        SplittableRandom random;

        @Setup
        public void seed() {
            random = new SplittableRandom(Thread.currentThread().getId() * 0x9E3779B97F4A7C15L);
        }
    }

    static Integer operation(SharedMap shared, Draws draws) {
        int draw = draws.random.nextInt();
        Integer key = BOXED[draw & (KEYS - 1)];
        if (Math.floorMod(draw >> 10, 100) < shared.readPercent) {
            return shared.map.get(key);
        }
        return shared.map.put(key, BOXED[(draw >>> 22) & (KEYS - 1)]);
    }

    @Benchmark
    @Threads(1)
    public Integer threads1(SharedMap shared, Draws draws) {
        return operation(shared, draws);
    }

    @Benchmark
    @Threads(2)
    public Integer threads2(SharedMap shared, Draws draws) {
        return operation(shared, draws);
    }

    @Benchmark
    @Threads(4)
    public Integer threads4(SharedMap shared, Draws draws) {
        return operation(shared, draws);
    }
}
