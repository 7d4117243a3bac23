package dev.weft.sweep.projects;

import static dev.weft.sweep.projects.OswegoSweep.check;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.api.ObjectScenario;
import dev.weft.api.Operation;
import dev.weft.api.SuppressRace;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import edu.emory.mathcs.backport.java.util.concurrent.ConcurrentHashMap;
import edu.emory.mathcs.backport.java.util.concurrent.ConcurrentLinkedQueue;
import edu.emory.mathcs.backport.java.util.concurrent.ConcurrentSkipListMap;
import edu.emory.mathcs.backport.java.util.concurrent.CountDownLatch;
import edu.emory.mathcs.backport.java.util.concurrent.ExecutorService;
import edu.emory.mathcs.backport.java.util.concurrent.Executors;
import edu.emory.mathcs.backport.java.util.concurrent.Future;
import edu.emory.mathcs.backport.java.util.concurrent.TimeUnit;
import edu.emory.mathcs.backport.java.util.concurrent.atomic.AtomicInteger;
import edu.emory.mathcs.backport.java.util.concurrent.locks.Condition;
import edu.emory.mathcs.backport.java.util.concurrent.locks.ReentrantLock;
import edu.emory.mathcs.backport.java.util.ArrayDeque;
import edu.emory.mathcs.backport.java.util.Queue;
import java.util.Map;

/** The backport of {@code java.util.concurrent} to Java 1.2–1.4, built on monitors and wait/notify. */
@Project(name = "backport-util-concurrent", artifact = "backport-util-concurrent:backport-util-concurrent:3.1", released = 2007,
        classFiles = "48")
public class BackportSweep {

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.REPLACE, MapOperation.REMOVE_IF_EQUALS, MapOperation.SIZE})
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "data race on ConcurrentHashMap$Segment#",
            why = "a benign race by design, as in Java 5 and 6's own ConcurrentHashMap: size() first sums the segments "
                    + "without locks, reading each segment's plain modCount, and retries under all locks if a modCount "
                    + "changed; a write of modCount under the segment's lock races with that read")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentHashMap() {
        return new ConcurrentHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.REPLACE, MapOperation.REMOVE_IF_EQUALS, MapOperation.SIZE})
    @SuppressRace("ConcurrentHashMap$Segment.modCount")
    @Verdict(value = Verdict.Kind.PASSES, why = "with the by-design race counted instead of reported: every history linearizable")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentHashMap_raceByDesignCounted() {
        return new ConcurrentHashMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.CONTAINS_KEY})
    @Verdict(value = Verdict.Kind.REAL_BUG, report = "data race on ConcurrentSkipListMap#1.randomSeed",
            why = "real, benign by design: every put draws its node's level from the map's plain randomSeed field, read and "
                    + "written without a lock (as in Java 6's own ConcurrentSkipListMap, whose comment says it does not matter "
                    + "much if threads miss each other's updates). The map's seed comes from a static java.util.Random of a "
                    + "class in a jar, which Weft does not reset between executions: when the replay that makes the report "
                    + "draws other levels, the report says so in place of the interleaving (it was a raw "
                    + "ReplayDivergenceException before)")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentSkipListMap() {
        return new ConcurrentSkipListMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.CONTAINS_KEY})
    @SuppressRace("ConcurrentSkipListMap.randomSeed")
    @Verdict(value = Verdict.Kind.PASSES, why = "with the by-design race counted instead of reported: every history linearizable")
    @SuppressWarnings("unchecked")
    Map<Integer, Integer> concurrentSkipListMap_raceByDesignCounted() {
        return new ConcurrentSkipListMap();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @ObjectScenario(model = "sequentialQueue")
    @Verdict(Verdict.Kind.PASSES)
    Queue concurrentLinkedQueue() {
        return new ConcurrentLinkedQueue();
    }

    Queue sequentialQueue() {
        return new ArrayDeque();
    }

    @Operation(arguments = {1, 2, 3})
    boolean offer(Queue queue, int value) {
        return queue.offer(value);
    }

    @Operation
    Object poll(Queue queue) {
        return queue.poll();
    }

    @Operation
    Object peek(Queue queue) {
        return queue.peek();
    }

    /** Two tasks submitted to a fixed pool; their futures, then shutdown and termination. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void fixedThreadPool_runsTasksAndTerminates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger runs = new AtomicInteger();
        Future first = pool.submit(() -> runs.incrementAndGet());
        Future second = pool.submit(() -> runs.incrementAndGet());
        int sum = (Integer) first.get() + (Integer) second.get();
        pool.shutdown();
        check(pool.awaitTermination(10, TimeUnit.SECONDS), "pool did not terminate");
        check(sum == 3 && runs.get() == 2, "results " + sum + ", runs " + runs.get());
    }

    /** A latch counted down by two workers, and a condition signalled under the backport's lock. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void latchAndCondition_wakeTheWaiters() throws Exception {
        CountDownLatch latch = new CountDownLatch(2);
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        boolean[] flag = new boolean[1];
        Thread signaller = new Thread(() -> {
            lock.lock();
            try {
                flag[0] = true;
                ready.signalAll();
            } finally {
                lock.unlock();
            }
            latch.countDown();
        });
        Thread other = new Thread(latch::countDown);
        signaller.start();
        other.start();
        lock.lock();
        try {
            while (!flag[0]) {
                ready.await();
            }
        } finally {
            lock.unlock();
        }
        latch.await();
        check(latch.getCount() == 0, "latch at " + latch.getCount());
    }
}
