package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.startChecked;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code Thread.sleep} and the virtual clock: {@code nanoTime} and {@code currentTimeMillis} start at
 * the same values in every execution and advance with the steps and the sleeps; a sleep ends when no
 * other thread can run, so sleeps order threads by their deadlines.
 */
class SleepAndClockSemanticsTest {

    @Test
    void theClock_startsAtTheSameInstantInEveryExecution() {
        Outcomes.of(() -> "wall clock " + Instant.ofEpochMilli(System.currentTimeMillis()))
                .acceptable("wall clock 2026-01-01T00:00:00Z", "the virtual wall clock starts at 2026-01-01T00:00:00Z")
                .check();
    }

    @Test
    void javaTime_readsTheVirtualWallClock() {
        // Instant.now() and LocalDateTime.now() read the clock through java.time.Clock, which reads the
        // JVM's wall clock itself (not System.currentTimeMillis): 'instant 2026-12-05T19:…' in every run before
        Outcomes.of(() -> {
            java.time.Instant before = java.time.Instant.now();
            Thread.sleep(1_500);
            return "instant " + before + ", after sleep(1500) +" + java.time.Duration.between(before, java.time.Instant.now()).toMillis()
                    + " ms, clock millis " + java.time.Clock.systemUTC().millis() + ", utc "
                    + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).getYear();
        })
                .acceptable("instant 2026-01-01T00:00:00Z, after sleep(1500) +1500 ms, clock millis 1767225601500, utc 2026",
                        "java.time reads the virtual wall clock, which a sleep advances")
                .check();
    }

    @Test
    void sleep_advancesBothClocksByItsDuration() {
        Outcomes.of(() -> {
            long nanos = System.nanoTime();
            long millis = System.currentTimeMillis();
            Thread.sleep(25);
            return "nanoTime +" + (System.nanoTime() - nanos) / 1_000_000 + " ms, currentTimeMillis +"
                    + (System.currentTimeMillis() - millis) + " ms";
        })
                .acceptable("nanoTime +25 ms, currentTimeMillis +25 ms", "a lone sleeper's sleep ends at its deadline")
                .check();
    }

    @Test
    void sleepWithNanos_roundsUpToTheNextMillisecond() {
        Outcomes.of(() -> {
            long nanos = System.nanoTime();
            Thread.sleep(2, 1);
            return "slept " + (System.nanoTime() - nanos) / 1_000_000 + " ms";
        })
                .acceptable("slept 3 ms", "sleep(2, 1) sleeps at least 2 ms and 1 ns: the runtime counts 3 ms")
                .check();
    }

    @Test
    void theClock_advancesWithTheSteps_neverBackwards() {
        Outcomes.of(() -> {
            long[] seen = new long[2];
            Thread reader = startChecked(() -> seen[0] = System.nanoTime());
            reader.join();
            seen[1] = System.nanoTime();
            return seen[1] > seen[0] ? "later after the join" : "not later: " + seen[0] + " then " + seen[1];
        })
                .acceptable("later after the join", "each scheduling point moves the virtual clock on by a microsecond")
                .check();
    }

    @Test
    void sleeps_orderThreadsByTheirDeadlines() {
        Outcomes.of(() -> {
            StringBuffer order = new StringBuffer();
            Thread slow = startChecked(() -> {
                Thread.sleep(20);
                order.append("slow ");
            });
            Thread fast = startChecked(() -> {
                Thread.sleep(10);
                order.append("fast ");
            });
            slow.join();
            fast.join();
            return order.toString().trim();
        })
                .acceptable("fast slow", "the 10 ms sleep ends before the 20 ms one")
                .forbidden("slow fast", "the longer sleep ended first")
                .check();
    }

    @Test
    void withoutSleeps_bothOrdersOccur() {
        Outcomes.of(() -> {
            StringBuffer order = new StringBuffer();
            Thread slow = startChecked(() -> order.append("slow "));
            Thread fast = startChecked(() -> order.append("fast "));
            slow.join();
            fast.join();
            return order.toString().trim();
        })
                .acceptable("fast slow", "the second thread ran first")
                .acceptable("slow fast", "the first thread ran first")
                .check();
    }

    @Test
    void aSleep_endsOnlyWhenNoOtherThreadCanRun() {
        Outcomes.of(() -> {
            int[] counter = new int[1];
            int[] seenBySleeper = new int[1];
            Thread sleeper = startChecked(() -> {
                Thread.sleep(1);
                seenBySleeper[0] = counter[0];
            });
            for (int i = 0; i < 3; i++) {
                counter[0]++;
            }
            sleeper.join();
            return "sleeper saw " + seenBySleeper[0];
        })
                .acceptable("sleeper saw 3", "the main thread could run until it joined, so the 1 ms sleep ended after its"
                        + " increments (Weft's virtual time: a real JVM may also end the sleep earlier)")
                .forbidden("sleeper saw 0", "the sleep ended while another thread could still run")
                .check();
    }

    @Test
    void aSleepBeyondTheClocksRange_neverEnds() {
        Outcomes.of(() -> {
            Thread.sleep(Long.MAX_VALUE);
            return "woke";
        })
                .acceptable("deadlock", "a deadline beyond the virtual clock's range (about 292 years) is no deadline:"
                        + " the sleeper waits as a real one would for all practical purposes")
                .forbidden("woke", "the deadline overflowed into the past")
                .check();
    }

    @Test
    void sleepOfZero_returnsAtOnce() {
        Outcomes.of(() -> {
            long nanos = System.nanoTime();
            Thread.sleep(0);
            return "slept " + (System.nanoTime() - nanos) / 1_000_000 + " ms";
        })
                .acceptable("slept 0 ms", "sleep(0) does not block")
                .check();
    }

    @Test
    void negativeSleep_throwsIllegalArgument() {
        Outcomes.of(() -> {
            try {
                Thread.sleep(-1);
                return "slept";
            } catch (IllegalArgumentException e) {
                return "IllegalArgumentException";
            }
        })
                .acceptable("IllegalArgumentException", "a negative sleep is an error, as in the JDK")
                .check();
    }
}
