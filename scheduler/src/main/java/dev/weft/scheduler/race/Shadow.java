package dev.weft.scheduler.race;

import java.util.Arrays;

/** The last accesses to one location, FastTrack style: a write epoch, a read epoch or a read vector. */
final class Shadow {
    final int field;
    Shadow next;

    int writeThread = -1;
    int writeClock;
    int writeSite;
    Object[] writeLocks;

    int readThread = -1;
    int readClock;
    int readSite;
    Object[] readLocks;

    int[] readClocks;
    int[] readSites;
    Object[][] readLockSets;

    /** Stack of the captured access (a re-run of a race), else {@code null}. */
    java.util.List<StackTraceElement> capturedStack;

    Shadow(int field) {
        this.field = field;
    }

    void shareReads() {
        readClocks = new int[Math.max(4, readThread + 1)];
        readSites = new int[readClocks.length];
        readLockSets = new Object[readClocks.length][];
        readClocks[readThread] = readClock;
        readSites[readThread] = readSite;
        readLockSets[readThread] = readLocks;
        readThread = -1;
    }

    void recordSharedRead(int thread, int clock, int site, Object[] locks) {
        if (thread >= readClocks.length) {
            int length = Math.max(thread + 1, readClocks.length * 2);
            readClocks = Arrays.copyOf(readClocks, length);
            readSites = Arrays.copyOf(readSites, length);
            readLockSets = Arrays.copyOf(readLockSets, length);
        }
        readClocks[thread] = clock;
        readSites[thread] = site;
        readLockSets[thread] = locks;
    }
}
