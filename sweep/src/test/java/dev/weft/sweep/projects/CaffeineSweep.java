package dev.weft.sweep.projects;

import static dev.weft.sweep.projects.OswegoSweep.check;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caffeine: an unbounded and a size-bounded cache. Maintenance runs on the calling thread
 * ({@code executor(Runnable::run)}): by default it goes to the common {@code ForkJoinPool}, whose
 * threads Weft does not control.
 */
@Project(name = "Caffeine", artifact = "com.github.ben-manes.caffeine:caffeine:3.2.3", released = 2025, classFiles = "55")
public class CaffeineSweep {

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.REPLACE, MapOperation.COMPUTE_IF_ABSENT, MapOperation.COMPUTE, MapOperation.MERGE})
    @Verdict(Verdict.Kind.PASSES)
    ConcurrentMap<Integer, Integer> unboundedCacheAsMap() {
        return Caffeine.newBuilder().executor(Runnable::run).<Integer, Integer>build().asMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.COMPUTE_IF_ABSENT})
    @Verdict(value = Verdict.Kind.PASSES, why = "every history linearizable; a reader spins on volatile loads made through VarHandle (the write buffer's lvElement in poll) while the writer it waits for has claimed a slot and not yet published it: the runtime counts such loads as reads and switches away after 64 of them (it counted every atomic operation as a write, and the spin ended in a false hang at the step bound until a thread that runs 1,000 steps in a row while another could run was taken for a spinning one)")
    ConcurrentMap<Integer, Integer> boundedCacheBelowItsBound() {
        // the bound is never reached (three keys): the cache must behave as a map
        return Caffeine.newBuilder().maximumSize(100).executor(Runnable::run).<Integer, Integer>build().asMap();
    }

    /** Two threads get one key of a loading cache: the loader runs once, both see its value. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void loadingCache_loadsOnceForTwoThreads() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<Integer, Integer> cache = Caffeine.newBuilder().executor(Runnable::run).build(key -> loads.incrementAndGet());
        int[] got = new int[2];
        Thread a = new Thread(() -> got[0] = cache.get(1));
        Thread b = new Thread(() -> got[1] = cache.get(1));
        a.start();
        b.start();
        a.join();
        b.join();
        check(loads.get() == 1 && got[0] == 1 && got[1] == 1, "loads " + loads.get() + ", got " + got[0] + " and " + got[1]);
    }

    /** A bounded cache of one entry, written by two threads: after maintenance one entry is left. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void boundedCache_evictsDownToItsBound() throws Exception {
        Cache<Integer, Integer> cache = Caffeine.newBuilder().maximumSize(1).executor(Runnable::run).build();
        Thread a = new Thread(() -> cache.put(1, 1));
        Thread b = new Thread(() -> cache.put(2, 2));
        a.start();
        b.start();
        a.join();
        b.join();
        cache.cleanUp();
        check(cache.estimatedSize() == 1, "entries left: " + cache.asMap());
    }
}
