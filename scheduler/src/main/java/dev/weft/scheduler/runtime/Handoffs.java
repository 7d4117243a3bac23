package dev.weft.scheduler.runtime;

import java.util.function.BooleanSupplier;

/**
 * How a thread of the runtime waits for a handoff (its turn, an assignment, the end of an execution)
 * before it parks. A handoff to a parked thread costs an OS wake-up (10–50 µs on a virtual machine);
 * a thread that is still yielding sees it within about a microsecond. So a waiting thread yields its
 * core for up to {@code weft.handoffSpinMicros} microseconds (default 200; 0 parks right away), and
 * only then parks. It yields at once: on a machine with few cores the thread that gets the turn is
 * often queued on the core of the thread that handed it over, and runs only when that one yields;
 * {@code weft.handoffSpins} (default 0) sets a number of spins before the first yield.
 */
final class Handoffs {

    private static final int SPINS = RuntimeSettings.process().handoffSpins();
    static final long YIELD_NANOS = RuntimeSettings.process().handoffSpinMicros() * 1_000L;

    private Handoffs() {}

    /** Spins, then yields, until {@code ready} holds or the budget is spent; returns {@code ready}. */
    static boolean await(BooleanSupplier ready) {
        for (int spin = 0; spin < SPINS; spin++) {
            if (ready.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        if (YIELD_NANOS == 0) {
            return ready.getAsBoolean();
        }
        long until = System.nanoTime() + YIELD_NANOS;
        for (int round = 1; !ready.getAsBoolean(); round++) {
            // the clock every eighth round: a yield with no other thread to run returns at once, and
            // the clock was then a good part of the loop
            if ((round & 7) == 0 && System.nanoTime() - until > 0) {
                return false;
            }
            Thread.yield();
        }
        return true;
    }
}
