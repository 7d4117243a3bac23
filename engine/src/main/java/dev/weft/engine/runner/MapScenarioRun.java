package dev.weft.engine.runner;

import dev.weft.engine.execution.MapProgram;
import dev.weft.engine.report.ScenarioTable;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.check.Verdict;
import dev.weft.models.model.MapModel;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scenario of a map-form test, ready to run as a program: a fresh map from the test method, the
 * calls before the parallel part on thread 0, one managed thread per list of calls, the calls after
 * on thread 0; every call recorded in a history that {@link #judge} checks for linearizability.
 */
final class MapScenarioRun {

    final Scenario<MapCall> scenario;
    private final MapProgram mapProgram;
    private final MethodHandle factory;
    private final MapModel model;
    private final Checker checker;
    private final PreparedCall[] calls;
    private final int[] before;
    private final int[][] threads;
    private final int[] after;
    private volatile HistoryRecorder last;
    long unknownVerdicts;

    MapScenarioRun(Scenario<MapCall> scenario, MapProgram mapProgram, MethodHandle factory, MapModel model, Checker checker) {
        this.scenario = scenario;
        this.mapProgram = mapProgram;
        this.factory = factory;
        this.model = model;
        this.checker = checker;
        List<PreparedCall> all = new ArrayList<>();
        this.before = indices(all, scenario.before());
        this.threads = new int[scenario.threads().size()][];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = indices(all, scenario.threads().get(t));
        }
        this.after = indices(all, scenario.after());
        this.calls = all.toArray(new PreparedCall[0]);
    }

    private static int[] indices(List<PreparedCall> all, List<MapCall> calls) {
        int[] indices = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            indices[i] = all.size();
            all.add(new PreparedCall(calls.get(i)));
        }
        return indices;
    }

    Program program() {
        return () -> {
            Object instance = ManagedThreads.quietly(() -> {
                try {
                    return mapProgram.instances().create();
                } catch (Exception e) {
                    throw new TestSetupException(e);
                }
            });
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> map = (Map<Integer, Integer>) factory.invoke(instance);
            if (map == null) {
                throw new IllegalStateException(mapProgram.method().getName() + " must return a fresh empty map, was null");
            }
            HistoryRecorder recorder = ManagedThreads.quietly(() -> new HistoryRecorder(calls.length));
            last = recorder;
            for (int call : before) {
                call(recorder, 0, call, map);
            }
            Thread[] started = new Thread[threads.length];
            for (int t = 0; t < threads.length; t++) {
                int[] mine = threads[t];
                int thread = t + 1;
                started[t] = ManagedThreads.start("thread " + thread, () -> {
                    for (int call : mine) {
                        call(recorder, thread, call, map);
                    }
                });
            }
            for (Thread thread : started) {
                ManagedThreads.join(thread);
            }
            for (int call : after) {
                call(recorder, 0, call, map);
            }
        };
    }

    private void call(HistoryRecorder recorder, int thread, int index, Map<Integer, Integer> map) {
        PreparedCall call = calls[index];
        ManagedThreads.note(call.text);
        recorder.invoked(thread, index);
        CallResult result = call.invoke(map);
        recorder.responded(thread, index, result);
        ManagedThreads.quietly(() -> {
            ManagedThreads.note(call.text + ": " + result.render());
            return null;
        });
    }

    /** Checks the last execution's history; a rejection carries the checker's explanation. */
    Outcome judge(ExecutionResult result) {
        if (result.outcome().failed()) {
            return result.outcome();
        }
        CheckResult check = checker.check(last.history(calls), model);
        if (check.verdict() == Verdict.NOT_LINEARIZABLE) {
            return new Outcome.Rejected("not linearizable", check.explanation().toString());
        }
        if (check.verdict() == Verdict.UNKNOWN) {
            unknownVerdicts++;
        }
        return new Outcome.Passed();
    }

    /** The scenario as tables, with the results of the last execution. */
    String resultTable() {
        HistoryRecorder recorder = last;
        List<Optional<CallResult>> beforeResults = results(recorder, before);
        List<List<Optional<CallResult>>> threadResults = new ArrayList<>();
        for (int[] thread : threads) {
            threadResults.add(results(recorder, thread));
        }
        List<Optional<CallResult>> afterResults = results(recorder, after);
        Scenario<Optional<CallResult>> results = new Scenario<>(scenario.index(), beforeResults, threadResults, afterResults);
        return ScenarioTable.render(ScenarioTable.cells(scenario, MapCall::render, results));
    }

    private static List<Optional<CallResult>> results(HistoryRecorder recorder, int[] indices) {
        List<Optional<CallResult>> results = new ArrayList<>();
        for (int index : indices) {
            results.add(recorder == null ? Optional.empty() : recorder.result(index));
        }
        return results;
    }

    /** Wraps a checked exception from creating the test instance. */
    static final class TestSetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TestSetupException(Exception cause) {
            super(cause);
        }
    }
}
