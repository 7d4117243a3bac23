package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LogicalThread: one Blocked value while blocked, and how the thread was woken. */
class LogicalThreadTest {

    @Test
    void blockedState_isVisibleOnlyWhileBlocked() {
        LogicalThread t = VirtualClockTest.thread(1);
        assertThat(t.blocked()).isNull();
        assertThat(t.deadline()).isEqualTo(VirtualClock.NO_DEADLINE);
        t.block(new LogicalThread.Blocked.Sleeping(30));
        assertThat(t.enabled()).isFalse();
        assertThat(t.blocked()).isEqualTo(new LogicalThread.Blocked.Sleeping(30));
        assertThat(t.deadline()).isEqualTo(30);
        t.unblock();
        assertThat(t.enabled()).isTrue();
        assertThat(t.blocked()).isNull();
    }

    @Test
    void aWaiterWoken_byItsTimeout_wantsItsMonitorBack() {
        Object monitor = new Object();
        LogicalThread t = VirtualClockTest.thread(1);
        t.block(new LogicalThread.Blocked.Waiting(monitor, 10));
        t.wake(LogicalThread.Wake.TIMED_OUT);
        assertThat(t.enabled()).isTrue();
        assertThat(t.timedOut()).isTrue();
        assertThat(t.wantsMonitor).isSameAs(monitor);
        assertThat(t.takeInterruptedWake()).isFalse();
    }

    @Test
    void anInterruptedWake_isTakenOnce_andASleeperWantsNoMonitor() {
        LogicalThread t = VirtualClockTest.thread(1);
        t.block(new LogicalThread.Blocked.Sleeping(VirtualClock.NO_DEADLINE));
        t.wake(LogicalThread.Wake.INTERRUPTED);
        assertThat(t.wantsMonitor).isNull();
        assertThat(t.timedOut()).isFalse();
        assertThat(t.takeInterruptedWake()).isTrue();
        assertThat(t.takeInterruptedWake()).isFalse();
    }

    @Test
    void aTimeout_isForgottenWhenTheThreadIsUnblockedAgain() {
        LogicalThread t = VirtualClockTest.thread(1);
        t.block(new LogicalThread.Blocked.Parked(null, 5));
        t.wake(LogicalThread.Wake.TIMED_OUT);
        assertThat(t.timedOut()).isTrue();
        t.block(new LogicalThread.Blocked.Joining(VirtualClockTest.thread(2), VirtualClock.NO_DEADLINE));
        t.unblock();
        assertThat(t.timedOut()).isFalse();
    }
}
