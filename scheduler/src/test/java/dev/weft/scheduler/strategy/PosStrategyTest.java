package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PosStrategyTest {

    /** Four enabled threads whose pending targets and writes are set by hand. */
    static final class Point implements SchedulingPoint {
        long[] targets = new long[4];
        boolean[] writes = new boolean[4];
        int current;

        @Override
        public long step() {
            return 0;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public int threadCount() {
            return 4;
        }

        @Override
        public boolean isEnabled(int thread) {
            return true;
        }

        @Override
        public int enabledCount() {
            return 4;
        }

        @Override
        public int enabled(int i) {
            return i;
        }

        @Override
        public long pendingTarget(int thread) {
            return targets[thread];
        }

        @Override
        public boolean pendingWrite(int thread) {
            return writes[thread];
        }

        @Override
        public String pendingLocation(int thread) {
            return "";
        }

        @Override
        public boolean spinning(int thread) {
            return false;
        }
    }

    @Test
    void executedWrite_rerandomizesConflictingPendingEventsOnly() {
        for (long seed = 0; seed < 50; seed++) {
            PosStrategy pos = new PosStrategy(seed);
            pos.beginExecution(0);
            Point point = new Point();
            // every thread's first event writes target 7
            point.targets = new long[] {7, 7, 7, 7};
            point.writes = new boolean[] {true, true, true, true};
            int first = pos.pick(point);
            long[] before = new long[4];
            for (int t = 0; t < 4; t++) {
                before[t] = pos.priority(t);
            }
            // now: the executed thread moves on to target 9; among the others, one reads 7 (conflicts
            // with the executed write), one now waits on target 8, one has an unknown target
            int reader = (first + 1) % 4;
            int other = (first + 2) % 4;
            int unknown = (first + 3) % 4;
            point.targets[first] = 9;
            point.targets[reader] = 7;
            point.writes[reader] = false;
            point.targets[other] = 8;
            point.targets[unknown] = 0;
            point.current = first;
            pos.pick(point);

            assertThat(pos.priority(reader)).as("seed %d: conflicting read re-randomized", seed).isNotEqualTo(before[reader]);
            assertThat(pos.priority(other)).as("seed %d: unrelated event kept", seed).isEqualTo(before[other]);
            assertThat(pos.priority(unknown)).as("seed %d: unknown target kept", seed).isEqualTo(before[unknown]);
            assertThat(pos.priority(first)).as("seed %d: executed thread's new event", seed).isNotEqualTo(before[first]);
        }
    }

    @Test
    void readAfterRead_doesNotRerandomize() {
        PosStrategy pos = new PosStrategy(3);
        pos.beginExecution(0);
        Point point = new Point();
        point.targets = new long[] {7, 7, 7, 7};
        int first = pos.pick(point);
        long[] before = new long[4];
        for (int t = 0; t < 4; t++) {
            before[t] = pos.priority(t);
        }
        point.targets[first] = 9;
        pos.pick(point);
        for (int t = 0; t < 4; t++) {
            if (t != first) {
                assertThat(pos.priority(t)).isEqualTo(before[t]);
            }
        }
    }
}
