package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.fixtures.EverydayThreadFixtures;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Everyday code around threads, through the engine: the verdict a user gets for each. */
class EverydayThreadsTest {

    private static EngineExecutionResults run(String method, String... config) {
        return EngineRuns.run(EverydayThreadFixtures.class, method, config);
    }

    private static String failureMessage(EngineExecutionResults results) {
        return EngineRuns.failureMessage(results);
    }

    private static void assertPasses(EngineExecutionResults results) {
        results.testEvents().failed().stream().findFirst().ifPresent(failed -> {
            throw new AssertionError(failureMessage(results));
        });
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void longSetUp_staysBelowTheBuiltInStepBound() {
        assertPasses(run("longSetUp"));
    }

    @Test
    void stepBound_fromTheAnnotation_isNamedInTheVerdict() {
        EngineExecutionResults results = run("longSetUpWithALowStepBound");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureMessage(results)).startsWith("Weft: hang: the execution did not finish within 100000 steps"
                + " (the step bound: maxSteps in @ConcurrencyTest, or weft.maxSteps) — EverydayThreadFixtures.longSetUpWithALowStepBound");
    }

    @Test
    void stepBound_fromTheConfiguration_applies() {
        EngineExecutionResults results = run("longSetUp", "weft.maxSteps", "100000");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureMessage(results)).startsWith("Weft: hang: the execution did not finish within 100000 steps");
    }

    @Test
    void threadLocal_isPerLogicalThread() {
        assertPasses(run("threadLocalPerThread"));
    }

    @Test
    void threadLoopingOnALocal_isAHangNamingItsLine_evenWithoutATimeBudget() {
        EngineExecutionResults results = run("threadLoopingOnALocal", "weft.timeBudget", "0");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: hang: thread 1 made no progress weft can see for 2 s, at "
                + "EverydayThreadFixtures.lambda$threadLoopingOnALocal$")
                .contains("(EverydayThreadFixtures.java:");
        // the next test in the same JVM runs normally
        assertPasses(run("threadLocalPerThread"));
    }

    @Test
    void dispatcherLeftWaiting_afterTheBodyReturned_passesWithANoteInTheSummary() {
        EngineExecutionResults results = run("dispatcherLeftWaiting");
        assertPasses(results);
        String notes = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class))
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .filter(pair -> pair.getKey().equals("weft.notes"))
                .map(java.util.Map.Entry::getValue)
                .findFirst().orElseThrow();
        System.out.println(notes);
        assertThat(notes).startsWith("thread 1 (\"dispatcher\"), a daemon thread, was left waiting for ")
                .contains("in LinkedBlockingQueue.take(LinkedBlockingQueue.java:")
                .contains("at EverydayThreadFixtures.lambda$dispatcherLeftWaiting$");
    }

    @Test
    void bodyWaitingForAThreadThatNeverGetsWork_isADeadlock() {
        EngineExecutionResults results = run("bodyWaitsForAThreadThatNeverGetsWork");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureMessage(results)).startsWith("Weft: deadlock: thread 0 waits for thread 1 to finish");
    }
}
