package dev.weft.scheduler.race;

import java.util.Arrays;

/** A vector clock over thread numbers; entries not stored are 0. Not thread-safe (one execution, one thread at a time). */
final class VectorClock {

    private int[] clocks;

    VectorClock() {
        clocks = new int[4];
    }

    VectorClock(VectorClock other) {
        clocks = other.clocks.clone();
    }

    int get(int thread) {
        return thread < clocks.length ? clocks[thread] : 0;
    }

    void set(int thread, int value) {
        if (thread >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(thread + 1, clocks.length * 2));
        }
        clocks[thread] = value;
    }

    void increment(int thread) {
        set(thread, get(thread) + 1);
    }

    /** This := this ⊔ other. */
    void join(VectorClock other) {
        int[] theirs = other.clocks;
        if (theirs.length > clocks.length) {
            clocks = Arrays.copyOf(clocks, theirs.length);
        }
        int[] mine = clocks;
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i] > mine[i]) {
                mine[i] = theirs[i];
            }
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(clocks);
    }
}
