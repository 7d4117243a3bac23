package dev.weft.scheduler.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.scheduler.strategy.SchedulingPoint;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayStrategyTest {

    static final String PUT = "HashMap.putVal(HashMap.java:631)";
    static final String GET = "HashMap.getNode(HashMap.java:570)";

    DecisionList list;
    Point point = new Point();

    @BeforeEach
    void record() {
        DecisionRecorder recorder = new DecisionRecorder();
        recorder.record(0, GET);
        recorder.record(0, GET);
        recorder.record(2, PUT);
        recorder.record(1, GET);
        list = recorder.toDecisionList();
    }

    @Test
    void matchingExecution_followsTheList() {
        ReplayStrategy replay = new ReplayStrategy(list);
        replay.beginExecution(0);
        assertThat(replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)))).isEqualTo(0);
        assertThat(replay.pick(point.at(4, 0, Map.of(2, PUT)))).isEqualTo(2); // forced: no decision used
        assertThat(replay.pick(point.at(5, 0, Map.of(0, "A.b(A.java:1)", 2, PUT)))).isEqualTo(0);
        assertThat(replay.pick(point.at(6, 0, Map.of(0, "A.b(A.java:1)", 2, PUT)))).isEqualTo(2);
        assertThat(replay.pick(point.at(7, 2, Map.of(1, GET, 2, PUT)))).isEqualTo(1);
        assertThat(replay.endExecution()).isFalse();
    }

    @Test
    void otherLocationAtSwitch_diverges() {
        ReplayStrategy replay = new ReplayStrategy(list);
        replay.beginExecution(0);
        replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(4, 0, Map.of(0, GET, 2, PUT)));
        assertThatThrownBy(() -> replay.pick(point.at(57, 0, Map.of(0, GET, 2, GET))))
                .isInstanceOf(ReplayDivergenceException.class)
                .hasMessage("replay diverged at step 57: expected thread 2 at HashMap.putVal(HashMap.java:631),"
                        + " found thread 2 at HashMap.getNode(HashMap.java:570); enabled threads [0, 2]")
                .satisfies(e -> assertThat(((ReplayDivergenceException) e).decision()).isEqualTo(2));
    }

    @Test
    void recordedThreadNotEnabled_diverges() {
        ReplayStrategy replay = new ReplayStrategy(list);
        replay.beginExecution(0);
        replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(4, 0, Map.of(0, GET, 2, PUT)));
        assertThatThrownBy(() -> replay.pick(point.at(9, 0, Map.of(0, GET, 1, GET))))
                .isInstanceOf(ReplayDivergenceException.class)
                .hasMessage("replay diverged at step 9: expected thread 2, which is not enabled (enabled: [0, 1])");
    }

    @Test
    void executionEndsEarly_diverges() {
        ReplayStrategy replay = new ReplayStrategy(list);
        replay.beginExecution(0);
        replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(40, 0, Map.of(0, GET)));
        assertThatThrownBy(replay::endExecution)
                .isInstanceOf(ReplayDivergenceException.class)
                .hasMessage("replay diverged at step 40: the execution ended after 1 of 4 recorded decisions");
    }

    @Test
    void executionNeedsMore_diverges() {
        ReplayStrategy replay = new ReplayStrategy(list);
        replay.beginExecution(0);
        replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(4, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(5, 0, Map.of(0, GET, 2, PUT)));
        replay.pick(point.at(6, 2, Map.of(1, GET, 2, PUT)));
        assertThatThrownBy(() -> replay.pick(point.at(88, 1, Map.of(1, GET, 2, PUT))))
                .isInstanceOf(ReplayDivergenceException.class)
                .hasMessage("replay diverged at step 88: the execution needs more decisions than the 4 recorded");
    }

    @Test
    void beginExecution_again_replaysFromTheStart() {
        ReplayStrategy replay = new ReplayStrategy(list);
        for (int time = 0; time < 2; time++) {
            replay.beginExecution(0);
            assertThat(replay.pick(point.at(3, 0, Map.of(0, GET, 2, PUT)))).isEqualTo(0);
        }
        assertThat(replay.describe()).isEqualTo("replay(4 decisions, 2 switches)");
    }

    /** Enabled threads with their pending locations; threads 0..2 exist. */
    static final class Point implements SchedulingPoint {
        long step;
        int current;
        Map<Integer, String> enabled;

        Point at(long step, int current, Map<Integer, String> enabled) {
            this.step = step;
            this.current = current;
            this.enabled = enabled;
            return this;
        }

        private int[] ids() {
            return enabled.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public int threadCount() {
            return 3;
        }

        @Override
        public boolean isEnabled(int thread) {
            return enabled.containsKey(thread);
        }

        @Override
        public int enabledCount() {
            return enabled.size();
        }

        @Override
        public int enabled(int i) {
            return ids()[i];
        }

        @Override
        public long pendingTarget(int thread) {
            return 0;
        }

        @Override
        public boolean pendingWrite(int thread) {
            return false;
        }

        @Override
        public String pendingLocation(int thread) {
            return enabled.getOrDefault(thread, "");
        }

        @Override
        public boolean spinning(int thread) {
            return false;
        }
    }
}
