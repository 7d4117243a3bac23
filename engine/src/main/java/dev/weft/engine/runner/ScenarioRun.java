package dev.weft.engine.runner;

import dev.weft.engine.execution.TestProgram;
import dev.weft.engine.report.ScenarioTable;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.Scenario;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.check.Verdict;
import dev.weft.models.model.Model;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import java.util.function.Function;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scenario of a map-form or object-form test, ready to run as a program: a fresh shared object
 * from the test method, the calls before the parallel part on thread 0, one managed thread per list
 * of calls, the calls after on thread 0; every call recorded in a history that {@link #judge} checks
 * for linearizability against the model.
 *
 * @param <C> the type of one call of the scenario
 */
final class ScenarioRun<C> {

    final Scenario<C> scenario;
    private final TestProgram form;
    private final MethodHandle factory;
    private final Judging judging;
    private final Checker checker;
    private final Function<? super C, String> render;
    private final ScenarioCall[] calls;
    private final int[] before;
    private final int[][] threads;
    private final int[] after;
    private volatile HistoryRecorder last;
    private volatile int stuckCall = -1;
    private volatile Class<?> lastTarget;
    long unknownVerdicts;

    /**
     * How a run picks the model that judges an execution, by the class of the object the test method
     * returned, and what it adds to a failure's report.
     */
    interface Judging {

        /** The model for an object of {@code target}. */
        Model<?> model(Class<?> target);

        /**
         * Lines that put a failing {@code history} of an object of {@code target} in the light of its class's
         * documented contract; none by default.
         */
        default List<String> contractLines(Class<?> target, dev.weft.models.history.History history) {
            return List.of();
        }
    }

    ScenarioRun(Scenario<C> scenario, TestProgram form, MethodHandle factory, Model<?> model, Checker checker,
            Function<? super C, ? extends ScenarioCall> prepare, Function<? super C, String> render) {
        this(scenario, form, factory, target -> model, checker, prepare, render);
    }

    ScenarioRun(Scenario<C> scenario, TestProgram form, MethodHandle factory, Judging judging, Checker checker,
            Function<? super C, ? extends ScenarioCall> prepare, Function<? super C, String> render) {
        this.scenario = scenario;
        this.form = form;
        this.factory = factory;
        this.judging = judging;
        this.checker = checker;
        this.render = render;
        List<ScenarioCall> all = new ArrayList<>();
        this.before = indices(all, scenario.before(), prepare);
        this.threads = new int[scenario.threads().size()][];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = indices(all, scenario.threads().get(t), prepare);
        }
        this.after = indices(all, scenario.after(), prepare);
        this.calls = all.toArray(new ScenarioCall[0]);
    }

    private static <C> int[] indices(List<ScenarioCall> all, List<C> calls, Function<? super C, ? extends ScenarioCall> prepare) {
        int[] indices = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            indices[i] = all.size();
            all.add(prepare.apply(calls.get(i)));
        }
        return indices;
    }

    Program program() {
        return () -> {
            Object instance = ManagedThreads.quietly(() -> {
                try {
                    return form.instances().create();
                } catch (Exception e) {
                    throw new TestSetupException(e);
                }
            });
            Object target = factory.invoke(instance);
            if (target == null) {
                throw new IllegalStateException(form.method().getName() + " must return a fresh object, was null");
            }
            HistoryRecorder recorder = ManagedThreads.quietly(() -> new HistoryRecorder(calls.length));
            last = recorder;
            lastTarget = target.getClass();
            for (int call : before) {
                call(recorder, 0, call, target, instance);
            }
            Thread[] started = new Thread[threads.length];
            for (int t = 0; t < threads.length; t++) {
                int[] mine = threads[t];
                int thread = t + 1;
                started[t] = ManagedThreads.start("thread " + thread, () -> {
                    for (int call : mine) {
                        call(recorder, thread, call, target, instance);
                    }
                });
            }
            for (Thread thread : started) {
                ManagedThreads.join(thread);
            }
            for (int call : after) {
                call(recorder, 0, call, target, instance);
            }
        };
    }

    private void call(HistoryRecorder recorder, int thread, int index, Object target, Object instance) {
        ScenarioCall call = calls[index];
        ManagedThreads.note(call.text());
        recorder.invoked(thread, index);
        CallResult result = call.invoke(target, instance);
        recorder.responded(thread, index, result);
        ManagedThreads.quietly(() -> {
            ManagedThreads.note(call.text() + ": " + result.render());
            return null;
        });
    }

    /** Checks the last execution's history; a rejection carries the checker's explanation. */
    Outcome judge(ExecutionResult result) {
        if (result.outcome().failed()) {
            return result.outcome();
        }
        CheckResult check = check(last.history(calls), judging.model(lastTarget));
        if (check.verdict() == Verdict.NOT_LINEARIZABLE) {
            stuckCall = last.callOfEvent(check.explanation().stuck().invokedAt());
            return new Outcome.Rejected("not linearizable", check.explanation().toString());
        }
        stuckCall = -1;
        if (check.verdict() == Verdict.UNKNOWN) {
            unknownVerdicts++;
        }
        return new Outcome.Passed();
    }

    private <S> CheckResult check(dev.weft.models.history.History history, Model<S> typed) {
        return checker.check(history, typed);
    }

    /**
     * The call the checker could not place in the last judged execution, as the trace and the
     * scenario table show it; empty when the last judgement was not a rejection.
     */
    Optional<FailureViews.CulpritCall> culpritCall() {
        int call = stuckCall;
        if (call < 0) {
            return Optional.empty();
        }
        for (int t = 0; t < threads.length; t++) {
            for (int i = 0; i < threads[t].length; i++) {
                if (threads[t][i] == call) {
                    return Optional.of(new FailureViews.CulpritCall(t + 1, i, texts(threads[t]),
                            new dev.weft.engine.report.FailureView.Cell(t + 1, i)));
                }
            }
        }
        int[] sequential = java.util.stream.IntStream.concat(java.util.Arrays.stream(before), java.util.Arrays.stream(after))
                .toArray();
        for (int i = 0; i < sequential.length; i++) {
            if (sequential[i] == call) {
                return Optional.of(new FailureViews.CulpritCall(0, i, texts(sequential),
                        new dev.weft.engine.report.FailureView.Cell(0, i)));
            }
        }
        return Optional.empty();
    }

    private List<String> texts(int[] indices) {
        List<String> texts = new ArrayList<>();
        for (int index : indices) {
            texts.add(calls[index].text());
        }
        return texts;
    }

    /** What the last execution's object's documented contract says of its history; empty for most. */
    List<String> contractLines() {
        HistoryRecorder recorder = last;
        Class<?> target = lastTarget;
        return recorder == null || target == null ? List.of() : judging.contractLines(target, recorder.history(calls));
    }

    /** The scenario's calls as tables, without results. */
    String callTable() {
        return ScenarioTable.render(ScenarioTable.cells(scenario, render));
    }

    /** The scenario as tables, with the results of the last execution. */
    String resultTable() {
        return ScenarioTable.render(resultCells());
    }

    /** The scenario's cells, with the results of the last execution. */
    Scenario<String> resultCells() {
        HistoryRecorder recorder = last;
        List<Optional<CallResult>> beforeResults = results(recorder, before);
        List<List<Optional<CallResult>>> threadResults = new ArrayList<>();
        for (int[] thread : threads) {
            threadResults.add(results(recorder, thread));
        }
        List<Optional<CallResult>> afterResults = results(recorder, after);
        Scenario<Optional<CallResult>> results = new Scenario<>(scenario.index(), beforeResults, threadResults, afterResults);
        return ScenarioTable.cells(scenario, render, results);
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
