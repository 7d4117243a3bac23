package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StuckReport: what each thread waits for, and the wait-for cycle, from a snapshot of the threads. */
class StuckReportTest {

    private static StuckReport report(List<LogicalThread> threads) {
        Monitors monitors = new Monitors(new DeterministicIdentity(1, new ExecutionStatus()));
        return new StuckReport(threads, monitors, new IdentityHashMap<>(), new ObjectNames(), null);
    }

    @Test
    void twoThreadsJoiningEachOther_areACycle_andADeadlockWhileTheBodyRuns() {
        LogicalThread body = VirtualClockTest.thread(0);
        LogicalThread one = VirtualClockTest.thread(1);
        LogicalThread two = VirtualClockTest.thread(2);
        body.block(new LogicalThread.Blocked.Joining(one, VirtualClock.NO_DEADLINE));
        one.block(new LogicalThread.Blocked.Joining(two, VirtualClock.NO_DEADLINE));
        two.block(new LogicalThread.Blocked.Joining(one, 40));
        StuckReport report = report(List.of(body, one, two));
        assertThat(report.findCycle()).containsExactly("thread 1 waits for thread 2 to finish",
                "thread 2 waits for thread 1 to finish");
        assertThat(report.outcome()).isInstanceOf(Outcome.Deadlock.class);
        assertThat(report.threadReport(true)).contains("  thread 0 waits for thread 1 to finish\n");
    }

    @Test
    void threadsLeftWaitingAfterTheBody_endCleanly_withANoteEach() {
        LogicalThread body = VirtualClockTest.thread(0);
        body.status = LogicalThread.Status.FINISHED;
        LogicalThread sleeper = VirtualClockTest.thread(1);
        sleeper.block(new LogicalThread.Blocked.Sleeping(VirtualClock.NO_DEADLINE));
        LogicalThread parked = VirtualClockTest.thread(2);
        parked.block(new LogicalThread.Blocked.Parked(null, VirtualClock.NO_DEADLINE));
        StuckReport report = report(List.of(body, sleeper, parked));
        assertThat(report.findCycle()).isNull();
        assertThat(report.outcome()).isInstanceOf(Outcome.Passed.class);
        assertThat(report.waitsFor(sleeper)).isEqualTo("the end of a sleep");
        assertThat(report.waitsFor(parked)).isEqualTo("an unpark");
        assertThat(report.leftovers()).hasSize(2).allSatisfy(note -> assertThat(note).endsWith("when the test's body returned"));
    }
}
