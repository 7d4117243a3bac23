package dev.weft.scheduler.runtime.semantics;

/**
 * A counter whose increments read and write in two steps, so that an interleaving can split them.
 * A top-level class: a class nested in a test class is loaded by test discovery before the agent
 * starts, and its synchronized methods would then run as one step.
 */
final class Counter {
    int value;

    void incrementUnsafely() {
        int read = value;
        value = read + 1;
    }

    synchronized void incrementInMethod() {
        int read = value;
        value = read + 1;
    }

    void incrementInBlock() {
        synchronized (this) {
            int read = value;
            value = read + 1;
        }
    }

    synchronized void incrementTwiceReentrant() {
        incrementInMethod();
        synchronized (this) {
            int read = value;
            value = read + 1;
        }
    }
}
