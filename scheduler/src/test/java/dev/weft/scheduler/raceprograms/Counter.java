package dev.weft.scheduler.raceprograms;

/** A counter whose increments take a lock: the same one (correct) or one of two (a race). */
final class Counter {
    private final Object lockA = new Object();
    private final Object lockB = new Object();
    int value;

    void incrementUnderA() {
        synchronized (lockA) {
            value++;
        }
    }

    void incrementUnderB() {
        synchronized (lockB) {
            value++;
        }
    }
}
