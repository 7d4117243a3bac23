package dev.weft.engine.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.report.FailureView;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.TraceEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's view of a failure: the step that failed, where the user reads it. */
class FailureViewsTest {

    private static FailureView viewOf(StackTraceElement... stack) {
        AssertionError error = new AssertionError("expected: 2 but was: 1");
        error.setStackTrace(stack);
        return FailureViews.of(new Outcome.Failed(0, error),
                new ExecutionResult(new Outcome.Failed(0, error), 1, 0, 0, 1, List.of(new TraceEvent(1, 0, "start", "", false))),
                Optional.empty(), Optional.empty());
    }

    @Test
    void anAssertionLibrarysFrames_onTop_giveWayToTheUsersLine() {
        FailureView view = viewOf(new StackTraceElement("org.hamcrest.MatcherAssert", "assertThat", "MatcherAssert.java", 20),
                new StackTraceElement("demo.CounterTest", "lostUpdate", "CounterTest.java", 42));

        TraceEvent thrown = view.trace().get(view.trace().size() - 1);
        assertThat(thrown.text()).isEqualTo("throws java.lang.AssertionError: expected: 2 but was: 1");
        assertThat(thrown.location()).isEqualTo("CounterTest.java:42");
        assertThat(view.highlights()).containsEntry(view.trace().size() - 1, FailureView.Highlight.CULPRIT);
    }

    @Test
    void anExceptionThrownInTheJdk_isShownWhereTheJdkThrewIt() {
        FailureView view = viewOf(new StackTraceElement("java.util.HashMap", "get", "HashMap.java", 556),
                new StackTraceElement("demo.CounterTest", "lostUpdate", "CounterTest.java", 42));

        assertThat(view.trace().get(view.trace().size() - 1).location()).isEqualTo("HashMap.java:556");
    }
}
