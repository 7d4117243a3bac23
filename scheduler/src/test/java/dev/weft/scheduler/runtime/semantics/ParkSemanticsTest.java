package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code LockSupport.park} and {@code unpark}: the permit (given before the park, not accumulating),
 * timed parks in virtual time, and unparks of threads that have not started or have finished.
 */
class ParkSemanticsTest {

    static final class Flag {
        volatile boolean set;
    }

    @Test
    void unparkBeforePark_leavesAPermit_soTheParkReturns() {
        Outcomes.of(() -> {
            Thread parker = start(() -> LockSupport.park());
            LockSupport.unpark(parker);
            parker.join();
            return "parker returned";
        })
                .acceptable("parker returned", "an unpark before the park leaves a permit that the park takes; one after it wakes it")
                .forbidden("deadlock", "the unpark was lost because it came before the park")
                .check();
    }

    @Test
    void permits_doNotAccumulate() {
        Outcomes.of(() -> {
            Thread parker = start(() -> {
                LockSupport.park();
                LockSupport.park();
            });
            LockSupport.unpark(parker);
            LockSupport.unpark(parker);
            parker.join();
            return "parker returned";
        })
                .acceptable("parker returned", "each unpark came after a park had started, or was taken before the next")
                .acceptable("deadlock", "both unparks came before the second park: the permit is one, not a count, so the"
                        + " second park waits for an unpark that never comes")
                .check();
    }

    @Test
    void parkInALoopOnAFlag_neverMissesTheWakeUp() {
        Outcomes.of(() -> {
            Flag flag = new Flag();
            Thread parker = start(() -> {
                while (!flag.set) {
                    LockSupport.park();
                }
            });
            flag.set = true;
            LockSupport.unpark(parker);
            parker.join();
            return "parker saw the flag";
        })
                .acceptable("parker saw the flag", "the flag is set before the unpark, and the parker checks it after every park")
                .forbidden("deadlock", "an unpark between the check and the park was lost")
                .check();
    }

    @Test
    void parkWithoutALoop_mayReturnBeforeTheFlagIsSet() {
        Outcomes.of(() -> {
            Flag flag = new Flag();
            boolean[] seen = new boolean[1];
            Thread parker = start(() -> {
                if (!flag.set) {
                    LockSupport.park();
                }
                seen[0] = flag.set;
            });
            LockSupport.unpark(parker); // the bug: unpark before the flag is set
            flag.set = true;
            parker.join();
            return "parker saw the flag " + (seen[0] ? "set" : "unset");
        })
                .acceptable("parker saw the flag set", "the flag was set before the parker looked")
                .acceptable("parker saw the flag unset", "the unpark came before the flag was set, and the park took its permit")
                .check();
    }

    @Test
    void timedPark_endsInVirtualTime() {
        Outcomes.of(() -> {
            long start = System.nanoTime();
            LockSupport.parkNanos(20_000_000L);
            long parked = System.nanoTime() - start;
            return "returned after " + parked / 1_000_000 + " ms";
        })
                .acceptable("returned after 20 ms", "nothing unparks: the park times out, the virtual clock moved to its deadline")
                .forbidden("deadlock", "a timed park is not a park forever")
                .check();
    }

    @Test
    void timedPark_racingAnUnpark() {
        Outcomes.of(() -> {
            long[] parked = new long[1];
            Thread parker = start(() -> {
                long start = System.nanoTime();
                LockSupport.parkNanos(20_000_000L);
                parked[0] = System.nanoTime() - start;
            });
            LockSupport.unpark(parker);
            parker.join();
            return parked[0] >= 20_000_000L ? "timed out" : "returned early";
        })
                .acceptable("returned early", "the unpark came before or during the park")
                .forbidden("timed out", "Weft fires a timeout only when no thread can run, and the unparking thread could")
                .check();
    }

    @Test
    void parkNanosOfZeroOrLess_returnsAtOnce() {
        Outcomes.of(() -> {
            long start = System.nanoTime();
            LockSupport.parkNanos(0);
            LockSupport.parkNanos(-5);
            return "returned after " + (System.nanoTime() - start) / 1_000_000 + " ms";
        })
                .acceptable("returned after 0 ms", "a park of no time does not block")
                .check();
    }

    @Test
    void parkUntil_endsAtTheDeadline_onTheVirtualWallClock() {
        Outcomes.of(() -> {
            long deadline = System.currentTimeMillis() + 30;
            LockSupport.parkUntil(deadline);
            long now = System.currentTimeMillis();
            return now >= deadline ? "returned at or after the deadline" : "returned " + (deadline - now) + " ms early";
        })
                .acceptable("returned at or after the deadline", "nothing unparks: the park ends at its deadline")
                .forbidden("deadlock", "a park with a deadline is not a park forever")
                .check();
    }

    @Test
    void parkUntil_aDeadlineInThePast_returnsAtOnce() {
        Outcomes.of(() -> {
            long before = System.currentTimeMillis();
            LockSupport.parkUntil(before - 1_000);
            LockSupport.parkUntil(0);
            return "returned after " + (System.currentTimeMillis() - before) + " ms";
        })
                .acceptable("returned after 0 ms", "a deadline that has passed does not block")
                .forbidden("deadlock", "parkUntil(0) parked forever")
                .check();
    }

    @Test
    void parkUntil_farInTheFuture_waitsLikeAParkForever() {
        Outcomes.of(() -> {
            LockSupport.parkUntil(Long.MAX_VALUE);
            return "returned";
        })
                .acceptable("deadlock", "nothing unparks, and the deadline is millions of years away")
                .check();
        Outcomes.of(() -> {
            LockSupport.parkNanos(Long.MAX_VALUE);
            return "returned";
        })
                .acceptable("deadlock", "nothing unparks, and a deadline beyond the virtual clock's range is no deadline")
                .forbidden("returned", "the deadline overflowed into the past")
                .check();
    }

    @Test
    void unparkOfAThreadNotYetStarted_hasNoEffect() {
        Outcomes.of(() -> {
            Thread parker = new Thread(() -> LockSupport.park());
            LockSupport.unpark(parker);
            parker.start();
            parker.join();
            return "parker returned";
        })
                .acceptable("deadlock", "an unpark of a thread that has not started gives it no permit")
                .forbidden("parker returned", "the permit of an unpark before start survived to the park")
                .check();
    }

    @Test
    void unparkOfAFinishedThread_orOfNull_isHarmless() {
        Outcomes.of(() -> {
            Thread done = start(() -> { });
            done.join();
            LockSupport.unpark(done);
            LockSupport.unpark(null);
            return "returned";
        })
                .acceptable("returned", "unpark of a finished thread, or of null, does nothing")
                .check();
    }
}
