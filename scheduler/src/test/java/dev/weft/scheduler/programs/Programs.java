package dev.weft.scheduler.programs;

import dev.weft.scheduler.runtime.Program;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** The runtime's example programs: each bug beside its fix. */
final class Programs {

    private Programs() {}

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    // ---- two threads put distinct keys into one map

    static Program hashMapPut(boolean fixed) {
        return () -> {
            Map<Integer, Integer> map = fixed ? new ConcurrentHashMap<>() : new HashMap<>();
            Thread a = new Thread(() -> map.put(1, 1));
            Thread b = new Thread(() -> map.put(2, 2));
            a.start();
            b.start();
            a.join();
            b.join();
            check(map.size() == 2 && map.containsKey(1) && map.containsKey(2), "lost entry: " + map);
        };
    }

    // ---- check-then-act on ConcurrentHashMap

    static Program checkThenAct(boolean fixed) {
        return () -> {
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
            AtomicInteger winners = new AtomicInteger();
            Runnable register = () -> {
                if (fixed) {
                    if (map.putIfAbsent("k", 1) == null) {
                        winners.incrementAndGet();
                    }
                } else if (!map.containsKey("k")) {
                    map.put("k", 1);
                    winners.incrementAndGet();
                }
            };
            Thread a = new Thread(register);
            Thread b = new Thread(register);
            a.start();
            b.start();
            a.join();
            b.join();
            check(winners.get() == 1, "both threads registered the key: winners = " + winners.get());
        };
    }

    // ---- lost update on a plain int counter

    static final class Counter {
        int value;

        void increment() {
            value++;
        }

        synchronized void incrementSafely() {
            value++;
        }
    }

    static Program counter(boolean fixed) {
        return () -> {
            Counter counter = new Counter();
            Runnable body = fixed ? counter::incrementSafely : counter::increment;
            Thread a = new Thread(body);
            Thread b = new Thread(body);
            a.start();
            b.start();
            a.join();
            b.join();
            check(counter.value == 2, "lost update: counter = " + counter.value);
        };
    }

    // ---- lock-order deadlock

    static Program lockOrderSynchronized(boolean fixed) {
        return () -> {
            Object first = new Object();
            Object second = new Object();
            Thread a = new Thread(() -> {
                synchronized (first) {
                    synchronized (second) {
                        check(true, "");
                    }
                }
            });
            Thread b = new Thread(() -> {
                Object x = fixed ? first : second;
                Object y = fixed ? second : first;
                synchronized (x) {
                    synchronized (y) {
                        check(true, "");
                    }
                }
            });
            a.start();
            b.start();
            a.join();
            b.join();
        };
    }

    static Program lockOrderReentrantLock(boolean fixed) {
        return () -> {
            ReentrantLock first = new ReentrantLock();
            ReentrantLock second = new ReentrantLock();
            Thread a = new Thread(() -> lockBoth(first, second));
            Thread b = new Thread(() -> lockBoth(fixed ? first : second, fixed ? second : first));
            a.start();
            b.start();
            a.join();
            b.join();
        };
    }

    private static void lockBoth(ReentrantLock x, ReentrantLock y) {
        x.lock();
        try {
            y.lock();
            y.unlock();
        } finally {
            x.unlock();
        }
    }

    // ---- lost wake-up: the notification comes before the wait

    static final class Mailbox {
        private boolean ready;

        synchronized void awaitBuggy() throws InterruptedException {
            wait(); // no condition check: a notify that came first is lost
        }

        synchronized void awaitFixed() throws InterruptedException {
            while (!ready) {
                wait();
            }
        }

        synchronized void signal() {
            ready = true;
            notifyAll();
        }
    }

    static Program lostWakeUp(boolean fixed) {
        return () -> {
            Mailbox mailbox = new Mailbox();
            Thread waiter = new Thread(() -> {
                try {
                    if (fixed) {
                        mailbox.awaitFixed();
                    } else {
                        mailbox.awaitBuggy();
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            waiter.start();
            mailbox.signal();
            waiter.join();
        };
    }

    // ---- a latch nobody counts down

    static Program latch(boolean fixed) {
        return () -> {
            CountDownLatch done = new CountDownLatch(2);
            Thread worker = new Thread(() -> {
                done.countDown();
                if (fixed) {
                    done.countDown();
                }
            });
            worker.start();
            done.await();
        };
    }

    // ---- a task submitted to an executor races with the submitting thread

    static Program executorRace(boolean fixed) {
        return () -> {
            ExecutorService executor = Executors.newFixedThreadPool(1);
            try {
                Counter counter = new Counter();
                Future<?> task = executor.submit(() -> counter.increment());
                if (fixed) {
                    task.get();
                }
                counter.increment();
                task.get();
                check(counter.value == 2, "lost update: counter = " + counter.value);
            } finally {
                executor.shutdown();
            }
        };
    }

    // ---- a spin loop on a flag nobody sets

    static final class Flag {
        volatile boolean set;
    }

    static Program spin(boolean fixed) {
        return () -> {
            Flag flag = new Flag();
            Thread setter = new Thread(() -> {
                if (fixed) {
                    flag.set = true;
                }
            });
            setter.start();
            while (!flag.set) {
                Thread.onSpinWait();
            }
            setter.join();
        };
    }
}
