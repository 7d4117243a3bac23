package dev.weft.scheduler.raceprograms;

import dev.weft.scheduler.runtime.Program;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Programs for the detectors: each racy pattern, and the same pattern made correct with each
 * synchronization the detectors must understand.
 */
final class RacePrograms {

    private RacePrograms() {}

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static void runBoth(Runnable first, Runnable second) throws InterruptedException {
        Thread a = new Thread(first);
        Thread b = new Thread(second);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private static Map<String, Integer> built() {
        Map<String, Integer> map = new HashMap<>();
        map.put("k", 1);
        return map;
    }

    // ---- racy

    /** Double-checked lazy initialization without volatile. */
    static Program lazyInit() {
        return () -> {
            Registry registry = new Registry();
            runBoth(() -> check(registry.entries().get("a") == 1, "missing entry"),
                    () -> check(registry.entries().get("a") == 1, "missing entry"));
        };
    }

    /** A map built in one thread, handed to another through a plain field. */
    static Program plainHandoff() {
        return () -> {
            Box box = new Box();
            runBoth(() -> box.map = built(), () -> {
                Map<String, Integer> map = box.map;
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    /** Two threads put into one HashMap. */
    static Program twoPuts() {
        return () -> {
            Map<Integer, Integer> map = new HashMap<>();
            runBoth(() -> map.put(1, 1), () -> map.put(2, 2));
        };
    }

    /** A reader iterates a HashMap while a writer puts. */
    static Program iterateWhilePut() {
        return () -> {
            Map<Integer, Integer> map = new HashMap<>();
            map.put(1, 1);
            runBoth(() -> map.put(2, 2), () -> {
                int sum = 0;
                for (int key : map.keySet()) {
                    sum += key;
                }
                check(sum >= 1, "sum = " + sum);
            });
        };
    }

    /** A counter incremented under two different locks. */
    static Program twoLocks() {
        return () -> {
            Counter counter = new Counter();
            runBoth(counter::incrementUnderA, counter::incrementUnderB);
        };
    }

    // ---- correct

    static Program lazyInitVolatile() {
        return () -> {
            VolatileRegistry registry = new VolatileRegistry();
            runBoth(() -> check(registry.entries().get("a") == 1, "missing entry"),
                    () -> check(registry.entries().get("a") == 1, "missing entry"));
        };
    }

    static Program volatileHandoff() {
        return () -> {
            VolatileBox box = new VolatileBox();
            runBoth(() -> box.map = built(), () -> {
                Map<String, Integer> map = box.map;
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    static Program synchronizedHandoff() {
        return () -> {
            Box box = new Box();
            runBoth(() -> {
                Map<String, Integer> map = built();
                synchronized (box) {
                    box.map = map;
                }
            }, () -> {
                Map<String, Integer> map;
                synchronized (box) {
                    map = box.map;
                }
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    /** Two threads increment a counter under the read lock: a read lock does not order its holders. */
    static Program writesUnderTheReadLock() {
        return () -> {
            Counter counter = new Counter();
            ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
            Runnable increment = () -> {
                lock.readLock().lock();
                try {
                    counter.value++;
                } finally {
                    lock.readLock().unlock();
                }
            };
            runBoth(increment, increment);
        };
    }

    /** One thread increments under a ReentrantLock, the other without it. */
    static Program oneSideUnderAReentrantLock() {
        return () -> {
            Counter counter = new Counter();
            ReentrantLock lock = new ReentrantLock();
            runBoth(() -> {
                lock.lock();
                try {
                    counter.value++;
                } finally {
                    lock.unlock();
                }
            }, () -> counter.value++);
        };
    }

    static Program reentrantLockHandoff() {
        return () -> {
            Box box = new Box();
            ReentrantLock lock = new ReentrantLock();
            runBoth(() -> {
                Map<String, Integer> map = built();
                lock.lock();
                try {
                    box.map = map;
                } finally {
                    lock.unlock();
                }
            }, () -> {
                Map<String, Integer> map;
                lock.lock();
                try {
                    map = box.map;
                } finally {
                    lock.unlock();
                }
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    static Program atomicReferenceHandoff() {
        return () -> {
            AtomicReference<Map<String, Integer>> box = new AtomicReference<>();
            runBoth(() -> box.set(built()), () -> {
                Map<String, Integer> map = box.get();
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    static Program concurrentHashMapHandoff() {
        return () -> {
            ConcurrentHashMap<String, Map<String, Integer>> shared = new ConcurrentHashMap<>();
            runBoth(() -> shared.put("m", built()), () -> {
                Map<String, Integer> map = shared.get("m");
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }

    static Program latchHandoff() {
        return () -> {
            Box box = new Box();
            CountDownLatch ready = new CountDownLatch(1);
            runBoth(() -> {
                box.map = built();
                ready.countDown();
            }, () -> {
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                check(box.map.get("k") == 1, "missing entry");
            });
        };
    }

    static Program executorHandoff() {
        return () -> {
            ExecutorService executor = Executors.newFixedThreadPool(1);
            try {
                Box box = new Box();
                box.map = built();
                Future<Map<String, Integer>> task = executor.submit(() -> {
                    Map<String, Integer> copy = new HashMap<>(box.map);
                    copy.put("j", 2);
                    return copy;
                });
                Map<String, Integer> result = task.get();
                check(result.get("j") == 2 && result.get("k") == 1, "wrong result " + result);
                box.map = result;
            } finally {
                executor.shutdown();
            }
        };
    }

    static Program joinHandoff() {
        return () -> {
            Box box = new Box();
            Thread writer = new Thread(() -> box.map = built());
            writer.start();
            writer.join();
            check(box.map.get("k") == 1, "missing entry");
            box.map.put("k", 2);
        };
    }

    static Program completableFutureChain() {
        return () -> {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Box box = new Box();
                box.map = built();
                int result = CompletableFuture.supplyAsync(() -> {
                    Map<String, Integer> map = box.map;
                    map.put("j", 2);
                    return map;
                }, executor).thenApplyAsync(map -> map.get("j") + map.get("k"), executor).join();
                check(result == 3, "result = " + result);
                check(box.map.get("j") == 2, "missing entry");
            } finally {
                executor.shutdown();
            }
        };
    }

    static Program oneLock() {
        return () -> {
            Counter counter = new Counter();
            runBoth(counter::incrementUnderA, counter::incrementUnderA);
            check(counter.value == 2, "lost update: " + counter.value);
        };
    }

    static Program synchronizedMapPuts() {
        return () -> {
            Map<Integer, Integer> map = Collections.synchronizedMap(new HashMap<>());
            runBoth(() -> map.put(1, 1), () -> map.put(2, 2));
            check(map.size() == 2, "size = " + map.size());
        };
    }

    static Program iterateUnderLock() {
        return () -> {
            Map<Integer, Integer> map = new HashMap<>();
            map.put(1, 1);
            runBoth(() -> {
                synchronized (map) {
                    map.put(2, 2);
                }
            }, () -> {
                int sum = 0;
                synchronized (map) {
                    for (int key : map.keySet()) {
                        sum += key;
                    }
                }
                check(sum >= 1, "sum = " + sum);
            });
        };
    }

    static Program concurrentReaders() {
        return () -> {
            Map<String, Integer> map = built();
            runBoth(() -> check(map.get("k") == 1, "missing"), () -> check(map.containsKey("k") && map.size() == 1, "missing"));
        };
    }

    static Program semaphoreHandoff() {
        return () -> {
            Box box = new Box();
            Semaphore ready = new Semaphore(0);
            runBoth(() -> {
                box.map = built();
                ready.release();
            }, () -> {
                ready.acquireUninterruptibly();
                check(box.map.get("k") == 1, "missing entry");
            });
        };
    }

    static Program barrierHandoff() {
        return () -> {
            Box box = new Box();
            CyclicBarrier barrier = new CyclicBarrier(2);
            runBoth(() -> {
                box.map = built();
                await(barrier);
            }, () -> {
                await(barrier);
                check(box.map.get("k") == 1, "missing entry");
            });
        };
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new AssertionError(e);
        }
    }

    static Program readWriteLockHandoff() {
        return () -> {
            Box box = new Box();
            ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
            runBoth(() -> {
                lock.writeLock().lock();
                try {
                    box.map = built();
                } finally {
                    lock.writeLock().unlock();
                }
            }, () -> {
                lock.readLock().lock();
                try {
                    if (box.map != null) {
                        check(box.map.get("k") == 1, "missing entry");
                    }
                } finally {
                    lock.readLock().unlock();
                }
            });
        };
    }

    static Program blockingQueueHandoff() {
        return () -> {
            BlockingQueue<Map<String, Integer>> queue = new LinkedBlockingQueue<>();
            runBoth(() -> queue.add(built()), () -> {
                try {
                    check(queue.take().get("k") == 1, "missing entry");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        };
    }

    static Program waitNotifyHandoff() {
        return () -> {
            Box box = new Box();
            runBoth(() -> {
                Map<String, Integer> map = built();
                synchronized (box) {
                    box.map = map;
                    box.notifyAll();
                }
            }, () -> {
                Map<String, Integer> map;
                synchronized (box) {
                    while (box.map == null) {
                        try {
                            box.wait();
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    }
                    map = box.map;
                }
                check(map.get("k") == 1, "missing entry");
            });
        };
    }

    static Program interruptHandoff() {
        return () -> {
            Box box = new Box();
            Thread worker = new Thread(() -> {
                while (!Thread.interrupted()) {
                    Thread.onSpinWait();
                }
                check(box.map.get("k") == 1, "missing entry");
            });
            worker.start();
            box.map = built();
            worker.interrupt();
            worker.join();
        };
    }

    /** {@link #plainHandoff} on a second box: the report must number it as the replay's trace does. */
    static Program plainHandoffOnSecondBox() {
        return () -> {
            Box quiet = new Box();
            quiet.map = built();
            Box box = new Box();
            runBoth(() -> box.map = built(), () -> {
                Map<String, Integer> map = box.map;
                if (map != null) {
                    check(map.get("k") == 1, "missing entry");
                }
            });
        };
    }
}
