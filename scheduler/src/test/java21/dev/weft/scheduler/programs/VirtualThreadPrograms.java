package dev.weft.scheduler.programs;

import dev.weft.scheduler.runtime.Program;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Programs that start virtual threads in every way the JDK offers (compiled for Java 21; run by
 * {@code VirtualThreadsTest} on JDK 21 and later), each bug beside its fix.
 */
public final class VirtualThreadPrograms {

    private VirtualThreadPrograms() {}

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static final class Counter {
        int value;

        void increment(boolean fixed) {
            if (fixed) {
                synchronized (this) {
                    value++;
                }
            } else {
                value++;
            }
        }
    }

    /** {@code Thread.ofVirtual().start(...)} twice, both joined: the counter is 2, or 1 when an increment is lost. */
    public static Program ofVirtualStart(boolean fixed) {
        return () -> {
            Counter counter = new Counter();
            Thread a = Thread.ofVirtual().start(() -> counter.increment(fixed));
            Thread b = Thread.ofVirtual().start(() -> counter.increment(fixed));
            a.join();
            b.join();
            check(counter.value == 2, "counter " + counter.value);
        };
    }

    /** {@code Thread.startVirtualThread(...)}, joined with a {@code Duration}. */
    public static Program startVirtualThread(boolean fixed) {
        return () -> {
            Counter counter = new Counter();
            Thread a = Thread.startVirtualThread(() -> counter.increment(fixed));
            Thread b = Thread.startVirtualThread(() -> counter.increment(fixed));
            check(a.join(Duration.ofSeconds(10)), "a did not end");
            check(b.join(Duration.ofSeconds(10)), "b did not end");
            check(counter.value == 2, "counter " + counter.value);
        };
    }

    /** A builder's unstarted threads, named, started and joined: each sees itself as a named virtual thread. */
    public static Program namedUnstarted() {
        return () -> {
            Map<String, Boolean> seen = new ConcurrentHashMap<>();
            Thread.Builder builder = Thread.ofVirtual().name("worker-", 0);
            Runnable task = () -> seen.put(Thread.currentThread().getName(), Thread.currentThread().isVirtual());
            Thread a = builder.unstarted(task);
            Thread b = builder.unstarted(task);
            a.start();
            b.start();
            a.join();
            b.join();
            check(seen.equals(Map.of("worker-0", true, "worker-1", true)), "seen " + seen);
        };
    }

    /** Two tasks on the virtual-thread-per-task executor, closed by try-with-resources. */
    public static Program perTaskExecutor(boolean fixed) {
        return () -> {
            Map<String, Integer> map = fixed ? new ConcurrentHashMap<>() : new HashMap<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                executor.submit(() -> map.merge("k", 1, Integer::sum));
                executor.submit(() -> map.merge("k", 1, Integer::sum));
            }
            check(Integer.valueOf(2).equals(map.get("k")), "map " + map);
        };
    }

    /** A fixed pool whose threads come from a virtual-thread factory: two tasks, then shutdown and wait. */
    public static Program poolOfVirtualThreads(boolean fixed) {
        return () -> {
            Counter counter = new Counter();
            ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofVirtual().name("pooled-", 0).factory());
            pool.execute(() -> counter.increment(fixed));
            pool.execute(() -> counter.increment(fixed));
            pool.shutdown();
            check(pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES), "pool did not terminate");
            check(counter.value == 2, "counter " + counter.value);
        };
    }

    /** A virtual thread parks on a latch thread 0 counts down. */
    public static Program parkedUntilCountedDown() {
        return () -> {
            CountDownLatch go = new CountDownLatch(1);
            Counter counter = new Counter();
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                counter.increment(true);
            });
            go.countDown();
            waiter.join();
            check(counter.value == 1, "counter " + counter.value);
        };
    }

    /** Two virtual threads take two locks in opposite orders. */
    public static Program lockOrder(boolean fixed) {
        return () -> {
            ReentrantLock first = new ReentrantLock();
            ReentrantLock second = new ReentrantLock();
            Thread a = Thread.ofVirtual().start(() -> {
                first.lock();
                second.lock();
                second.unlock();
                first.unlock();
            });
            Thread b = Thread.ofVirtual().start(() -> {
                ReentrantLock one = fixed ? first : second;
                ReentrantLock two = fixed ? second : first;
                one.lock();
                two.lock();
                two.unlock();
                one.unlock();
            });
            a.join();
            b.join();
        };
    }

    /** {@code Thread.ofPlatform().start(...)}: a builder's platform thread is a logical thread too. */
    public static Program ofPlatformStart(boolean fixed) {
        return () -> {
            Counter counter = new Counter();
            Thread a = Thread.ofPlatform().start(() -> counter.increment(fixed));
            Thread b = Thread.ofPlatform().start(() -> counter.increment(fixed));
            a.join();
            b.join();
            check(counter.value == 2, "counter " + counter.value);
        };
    }
}
