package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Correct code built on {@code java.util.concurrent} locks never ends in a hang verdict. A striped map
 * (one {@code ReentrantLock} per stripe, {@code clear()} taking every lock in index order) with
 * {@code putIfAbsent(1, 2) ‖ put(1, 2) ‖ clear()} was reported as "did not finish within 200000
 * steps" in about one PCT execution in 700 (JDK 17): {@code clear()} had initialized the lock's wait
 * queue halfway (its CAS on {@code head} done, the write of {@code tail} not yet), and the thread
 * PCT ranked highest retried its acquire forever — each try rewrites its own queue node, so it never
 * looked like a read-only spin, and it was never switched away from.
 */
class StripedLocksTest {

    static final class StripedMap {
        private final Map<Integer, Integer>[] maps;
        private final ReentrantLock[] locks;

        @SuppressWarnings("unchecked")
        StripedMap(int stripes) {
            maps = new Map[stripes];
            locks = new ReentrantLock[stripes];
            for (int i = 0; i < stripes; i++) {
                maps[i] = new HashMap<>();
                locks[i] = new ReentrantLock();
            }
        }

        private int stripe(int key) {
            return Math.floorMod(Integer.hashCode(key), maps.length);
        }

        Integer put(int key, int value) {
            int s = stripe(key);
            locks[s].lock();
            try {
                return maps[s].put(key, value);
            } finally {
                locks[s].unlock();
            }
        }

        Integer putIfAbsent(int key, int value) {
            int s = stripe(key);
            locks[s].lock();
            try {
                return maps[s].putIfAbsent(key, value);
            } finally {
                locks[s].unlock();
            }
        }

        void clear() {
            for (ReentrantLock lock : locks) {
                lock.lock();
            }
            try {
                for (Map<Integer, Integer> map : maps) {
                    map.clear();
                }
            } finally {
                for (ReentrantLock lock : locks) {
                    lock.unlock();
                }
            }
        }
    }

    private static final Program PUT_PUT_IF_ABSENT_CLEAR = () -> {
        StripedMap map = new StripedMap(4);
        Thread a = new Thread(() -> map.putIfAbsent(1, 2));
        Thread b = new Thread(() -> map.put(1, 2));
        Thread c = new Thread(map::clear);
        a.start();
        b.start();
        c.start();
        a.join();
        b.join();
        c.join();
    };

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"pct, 1", "pct, 2", "pct, 3", "exhaustive, 1", "portfolio, 1"})
    void clearRacingPuts_neverHangs(String strategy, long seed) {
        int executions = 1_000;
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(PUT_PUT_IF_ABSENT_CLEAR, ExplorationSettings.of(Strategies.parse(strategy), seed, executions));
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(executions);
    }
}
