package dev.weft.sweep.projects;

import EDU.oswego.cs.dl.util.concurrent.BoundedBuffer;
import EDU.oswego.cs.dl.util.concurrent.ConcurrentHashMap;
import EDU.oswego.cs.dl.util.concurrent.ConcurrentReaderHashMap;
import EDU.oswego.cs.dl.util.concurrent.CyclicBarrier;
import EDU.oswego.cs.dl.util.concurrent.FutureResult;
import EDU.oswego.cs.dl.util.concurrent.LinkedQueue;
import EDU.oswego.cs.dl.util.concurrent.PooledExecutor;
import EDU.oswego.cs.dl.util.concurrent.SynchronizedInt;
import EDU.oswego.cs.dl.util.concurrent.WriterPreferenceReadWriteLock;
import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.api.SuppressRace;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import java.util.Map;

/** Doug Lea's {@code util.concurrent}, the library {@code java.util.concurrent} grew from. */
@Project(name = "util.concurrent (Doug Lea)", artifact = "concurrent:concurrent:1.3.4", released = 2004, classFiles = "45, jsr/ret")
public class OswegoSweep {

    // No PUT_IF_ABSENT: the class has no putIfAbsent (its documentation says adding only if absent is
    // impossible), and Map's default method is a get then a put.

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.CONTAINS_KEY})
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "data race on ConcurrentHashMap$Entry[]#1[",
            why = "a data race by the Java memory model, by design: get() reads the bucket array without a lock or a volatile "
                    + "read (written for the memory model before JSR-133, as its Javadoc's implementation note says); "
                    + "java.util.concurrent's successor reads the table with volatile semantics. Linearizability: next row")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentHashMap_keyOperations() {
        return new ConcurrentHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.CONTAINS_KEY})
    @SuppressRace({"ConcurrentHashMap$Entry[]", "EDU.oswego.cs.dl.util.concurrent.*"})
    @Verdict(value = Verdict.Kind.PASSES, why = "with the by-design races counted instead of reported: every history linearizable")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentHashMap_keyOperations_racesByDesignCounted() {
        return new ConcurrentHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.REMOVE, MapOperation.SIZE, MapOperation.CLEAR})
    @SuppressRace({"ConcurrentHashMap$Entry[]", "EDU.oswego.cs.dl.util.concurrent.*"})
    @Verdict(value = Verdict.Kind.DOCUMENTED, report = "not linearizable",
            why = "clear() empties one segment at a time and size() sums the segments, so a size() during a clear() can count "
                    + "a state that never existed; the Javadoc says: \"For aggregate operations such as putAll and clear, "
                    + "concurrent reads may reflect insertion or removal of only some entries\"")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentHashMap_wholeMapOperations() {
        return new ConcurrentHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.SIZE})
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "data race on ConcurrentReaderHashMap$Entry[]#1[",
            why = "the same by-design race as ConcurrentHashMap: reads take no lock")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentReaderHashMap() {
        return new ConcurrentReaderHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.SIZE})
    @SuppressRace({"ConcurrentReaderHashMap$Entry[]", "EDU.oswego.cs.dl.util.concurrent.*"})
    @Verdict(value = Verdict.Kind.PASSES, why = "with the by-design races counted instead of reported: every history linearizable")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentReaderHashMap_racesByDesignCounted() {
        return new ConcurrentReaderHashMap();
    }

    /** Two tasks on a pool of two threads, then the pool drains and shuts down; the caller waits for it. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void pooledExecutor_runsEveryTaskBeforeTermination() throws Exception {
        PooledExecutor pool = new PooledExecutor(new LinkedQueue(), 2);
        pool.setMinimumPoolSize(2);
        SynchronizedInt done = new SynchronizedInt(0);
        pool.execute(done::increment);
        pool.execute(done::increment);
        pool.shutdownAfterProcessingCurrentlyQueuedTasks();
        pool.awaitTerminationAfterShutdown();
        check(done.get() == 2, "tasks run: " + done.get());
    }

    /** The same with a 10 s wait for termination. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "exception in thread 0: java.lang.AssertionError: pool did not terminate",
            why = "the scenario's mistake, not the library's: idle workers wait for a task for their keep-alive (60 s by default, "
                    + "here in virtual time) and shutdownAfterProcessingCurrentlyQueuedTasks does not interrupt them, so a 10 s wait "
                    + "times out on a real JVM too")
    void pooledExecutor_shortWaitForTermination_timesOut() throws Exception {
        PooledExecutor pool = new PooledExecutor(new LinkedQueue(), 2);
        pool.setMinimumPoolSize(2);
        SynchronizedInt done = new SynchronizedInt(0);
        pool.execute(done::increment);
        pool.execute(done::increment);
        pool.shutdownAfterProcessingCurrentlyQueuedTasks();
        check(pool.awaitTerminationAfterShutdown(10_000), "pool did not terminate");
    }

    /** A producer and a consumer over a buffer of one slot, the result handed back in a FutureResult. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void boundedBufferAndFutureResult_handOverInOrder() throws Exception {
        BoundedBuffer buffer = new BoundedBuffer(1);
        FutureResult sum = new FutureResult();
        Thread consumer = new Thread(sum.setter(() -> {
            int total = 0;
            for (int i = 0; i < 3; i++) {
                total = total * 10 + (Integer) buffer.take();
            }
            return total;
        }));
        consumer.start();
        for (int i = 1; i <= 3; i++) {
            buffer.put(i);
        }
        check(((Integer) sum.get()) == 123, "consumer got " + sum.get());
    }

    /** Two writers and a reader under a writer-preference read-write lock, meeting at a barrier. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void readWriteLockAndBarrier_guardAPlainField() throws Exception {
        WriterPreferenceReadWriteLock lock = new WriterPreferenceReadWriteLock();
        CyclicBarrier barrier = new CyclicBarrier(2);
        int[] value = new int[1];
        Thread writer = new Thread(() -> {
            try {
                barrier.barrier();
                lock.writeLock().acquire();
                try {
                    value[0] = value[0] + 1;
                } finally {
                    lock.writeLock().release();
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        writer.start();
        barrier.barrier();
        lock.readLock().acquire();
        int seen;
        try {
            seen = value[0];
        } finally {
            lock.readLock().release();
        }
        writer.join();
        check(seen == 0 || seen == 1, "read " + seen);
        check(value[0] == 1, "value " + value[0]);
    }

    /** A check-then-act on a SynchronizedInt: each call is atomic, the pair is not. */
    @ConcurrencyTest(schedules = 500, timeBudget = "60s")
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "exception in thread 0: java.lang.AssertionError: two owners",
            why = "misuse on purpose (get, then set): found, with a v45 class file's synchronized methods modelled")
    void synchronizedInt_checkThenSet_hasTwoOwners() throws Exception {
        SynchronizedInt owner = new SynchronizedInt(0);
        SynchronizedInt owners = new SynchronizedInt(0);
        Runnable claim = () -> {
            if (owner.get() == 0) {
                owner.set(1);
                owners.increment();
            }
        };
        Thread a = new Thread(claim);
        Thread b = new Thread(claim);
        a.start();
        b.start();
        a.join();
        b.join();
        check(owners.get() == 1, "two owners");
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
