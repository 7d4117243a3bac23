package dev.weft.scheduler.programs;

import EDU.oswego.cs.dl.util.concurrent.BoundedBuffer;
import EDU.oswego.cs.dl.util.concurrent.ConcurrentHashMap;
import EDU.oswego.cs.dl.util.concurrent.CountDown;
import EDU.oswego.cs.dl.util.concurrent.LinkedQueue;
import EDU.oswego.cs.dl.util.concurrent.Mutex;
import EDU.oswego.cs.dl.util.concurrent.SynchronizedInt;
import dev.weft.scheduler.runtime.Program;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs on {@code EDU.oswego.cs.dl.util.concurrent} 1.3.4, each correct use beside a misuse. A
 * class of its own, so that the library's classes load only when a program first runs (after the
 * agent), not when the test class is verified.
 */
final class OswegoPrograms {

    private OswegoPrograms() {}

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Two threads each add one to a plain counter, under one mutex or under two. */
    static Program counterUnder(boolean oneMutex) {
        return () -> {
            Mutex first = new Mutex();
            Mutex second = oneMutex ? first : new Mutex();
            int[] count = new int[1];
            Thread a = new Thread(() -> addUnder(first, count));
            Thread b = new Thread(() -> addUnder(second, count));
            a.start();
            b.start();
            a.join();
            b.join();
            check(count[0] == 2, "lost update: " + count[0]);
        };
    }

    private static void addUnder(Mutex mutex, int[] count) {
        try {
            mutex.acquire();
            try {
                count[0] = count[0] + 1;
            } finally {
                mutex.release();
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A producer puts two items into a buffer of one slot; a consumer takes {@code takes}. */
    static Program boundedBuffer(int takes) {
        return () -> {
            BoundedBuffer buffer = new BoundedBuffer(1);
            Thread producer = new Thread(() -> {
                try {
                    buffer.put("a");
                    buffer.put("b");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Thread consumer = new Thread(() -> {
                try {
                    for (int i = 0; i < takes; i++) {
                        check(buffer.take() != null, "null taken");
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            producer.start();
            consumer.start();
            producer.join();
            consumer.join();
        };
    }

    /** Two threads claim one owner slot: with {@code commit} (atomic) or with get-then-set. */
    static Program firstComer(boolean atomic) {
        return () -> {
            SynchronizedInt owner = new SynchronizedInt(0);
            AtomicInteger winners = new AtomicInteger();
            Runnable claim = () -> {
                boolean won;
                if (atomic) {
                    won = owner.commit(0, 1);
                } else {
                    won = owner.get() == 0;
                    if (won) {
                        owner.set(1);
                    }
                }
                if (won) {
                    winners.incrementAndGet();
                }
            };
            Thread a = new Thread(claim);
            Thread b = new Thread(claim);
            a.start();
            b.start();
            a.join();
            b.join();
            check(winners.get() == 1, "winners: " + winners.get());
        };
    }

    /** Two workers publish a result each and count down a {@code CountDown} of {@code count}. */
    static Program results(int count) {
        return () -> {
            CountDown done = new CountDown(count);
            String[] results = new String[2];
            for (int i = 0; i < 2; i++) {
                int index = i;
                new Thread(() -> {
                    results[index] = "result " + index;
                    done.release();
                }).start();
            }
            done.acquire();
            check(results[0] != null && results[1] != null, "a result is missing");
        };
    }

    /** Puts into the library's {@code ConcurrentHashMap} and hands an item over a {@code LinkedQueue}. */
    static Program mapAndQueue() {
        return () -> {
            ConcurrentHashMap map = new ConcurrentHashMap();
            LinkedQueue queue = new LinkedQueue();
            Thread a = new Thread(() -> {
                map.put("a", "1");
                try {
                    queue.put("a");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Thread b = new Thread(() -> {
                map.put("b", "2");
                try {
                    check(queue.take().equals("a"), "wrong item");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            a.start();
            b.start();
            a.join();
            b.join();
            check(map.size() == 2, "lost entry: " + map.size());
        };
    }
}
