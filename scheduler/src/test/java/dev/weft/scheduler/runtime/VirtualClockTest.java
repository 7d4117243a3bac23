package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** VirtualClock: time from the step counter, deadlines, and jumps to the deadline that fires. */
class VirtualClockTest {

    private static void steps(ExecutionStatus status, int n) {
        for (int i = 0; i < n; i++) {
            status.advance();
        }
    }

    @Test
    void eachStep_movesTheClockOneMicrosecond() {
        ExecutionStatus status = new ExecutionStatus();
        VirtualClock clock = new VirtualClock(status);
        steps(status, 3);
        assertThat(clock.nanos()).isEqualTo(3_000);
        assertThat(clock.nanoTime()).isEqualTo(1_000_003_000L);
        assertThat(clock.currentTimeMillis()).isEqualTo(VirtualClock.EPOCH_MILLIS);
    }

    @Test
    void firingADeadline_jumpsToIt_andNeverBack() {
        ExecutionStatus status = new ExecutionStatus();
        VirtualClock clock = new VirtualClock(status);
        steps(status, 2);
        long deadline = clock.deadlineInMillis(5);
        assertThat(deadline).isEqualTo(2_000 + 5_000_000);
        clock.fireAt(deadline);
        assertThat(clock.nanos()).isEqualTo(deadline);
        clock.fireAt(10); // a deadline already passed
        assertThat(clock.nanos()).isEqualTo(deadline);
        steps(status, 1);
        assertThat(clock.nanos()).isEqualTo(deadline + VirtualClock.NANOS_PER_STEP);
    }

    @Test
    void waitsOfZero_orBeyondTheClocksRange_haveNoDeadline() {
        ExecutionStatus status = new ExecutionStatus();
        VirtualClock clock = new VirtualClock(status);
        steps(status, 1);
        assertThat(clock.deadlineInMillis(0)).isEqualTo(VirtualClock.NO_DEADLINE);
        assertThat(clock.deadlineInMillis(Long.MAX_VALUE)).isEqualTo(VirtualClock.NO_DEADLINE);
        assertThat(clock.deadlineIn(Long.MAX_VALUE - 1_000)).isEqualTo(VirtualClock.NO_DEADLINE);
        assertThat(clock.deadlineIn(Long.MAX_VALUE - 1_001)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(VirtualClock.deadlineAt(VirtualClock.EPOCH_MILLIS + 7)).isEqualTo(7_000_000);
    }

    @Test
    void firstDeadline_isTheEarliestOfTheBlockedThreads_theFirstOnATie() {
        LogicalThread runnable = thread(0);
        LogicalThread sleeping = thread(1);
        sleeping.block(new LogicalThread.Blocked.Sleeping(50));
        LogicalThread parked = thread(2);
        parked.block(new LogicalThread.Blocked.Parked(null, 20));
        LogicalThread joining = thread(3);
        joining.block(new LogicalThread.Blocked.Joining(runnable, 20));
        LogicalThread untimed = thread(4);
        untimed.block(new LogicalThread.Blocked.Waiting(new Object(), VirtualClock.NO_DEADLINE));
        assertThat(VirtualClock.firstDeadline(List.of(runnable, sleeping, parked, joining, untimed))).isSameAs(parked);
        assertThat(VirtualClock.firstDeadline(List.of(runnable, untimed))).isNull();
    }

    static LogicalThread thread(int id) {
        return new LogicalThread(id, new Thread(() -> { }), () -> { }, true);
    }
}
