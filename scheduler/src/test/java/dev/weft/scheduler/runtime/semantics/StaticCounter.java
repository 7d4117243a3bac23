package dev.weft.scheduler.runtime.semantics;

/** A static counter with a static and an instance synchronized increment (see {@link Counter} on top-level classes). */
final class StaticCounter {
    static int value;

    static synchronized void incrementStatic() {
        int read = value;
        value = read + 1;
    }

    synchronized void incrementInstance() {
        int read = value;
        value = read + 1;
    }
}
