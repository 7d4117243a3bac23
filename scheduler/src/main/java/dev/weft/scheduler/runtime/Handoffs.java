package dev.weft.scheduler.runtime;

import java.util.function.BooleanSupplier;

/**
 * How a thread of the runtime waits for a handoff (its turn, an assignment, the end of an execution)
 * before it parks. A handoff to a parked thread costs an OS wake-up (10–50 µs on a virtual machine);
 * a thread that is still spinning or yielding sees it within about a microsecond. So a waiting thread
 * first spins briefly, then yields its core for up to {@code weft.handoffSpinMicros} microseconds
 * (default 200; 0 parks right away), and only then parks. Yielding rather than spinning leaves the
 * core to the thread that has the turn, and to other processes, on machines with few cores.
 */
final class Handoffs {

    private static final int SPINS = 100;
    static final long YIELD_NANOS = Math.max(0, Long.getLong("weft.handoffSpinMicros", 200)) * 1_000L;

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
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                return false;
            }
            Thread.yield();
        }
        return true;
    }
}
