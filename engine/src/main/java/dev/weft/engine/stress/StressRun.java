package dev.weft.engine.stress;

import dev.weft.engine.report.ScenarioTable;
import dev.weft.engine.runner.HistoryRecorder;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Verdict;
import dev.weft.models.history.History;
import dev.weft.models.model.MapContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One execution of a {@link StressScenario} on real threads, on one map: the sequential part before
 * ({@link #runBefore}), each thread's calls on its own thread ({@link #runThread}), the sequential part
 * after ({@link #runAfter}), then a verdict ({@link #outcome}, {@link #check}).
 *
 * <p>Each call is timed with {@link System#nanoTime()} just before it is invoked and just after it
 * returns, and the history is the calls in the real-time order of those instants: a call that returned
 * before another was invoked must take effect before it. Two instants that are equal count as
 * overlapping, so that an unresolved order never makes a correct map look wrong. This relies on
 * {@code nanoTime} values read on different threads being comparable: its Javadoc defines differences
 * of values from one JVM, and HotSpot on Linux reads {@code CLOCK_MONOTONIC}, one clock for all CPUs.
 *
 * <p>Concurrency contract: {@link #runThread} for different threads may run at once, each thread
 * number on one thread only; everything else runs after those have finished, ordered after them by
 * happens-before (a thread join, or jcstress's arbiter). The recording is a few array writes per call,
 * without locks.
 */
public final class StressRun {

    private static final int BEFORE = 0;

    private final StressScenario scenario;
    private final LongSupplier clock;
    private final long[] invokedAt;
    private final long[] respondedAt;
    private final CallResult[] results;

    StressRun(StressScenario scenario, LongSupplier clock) {
        this.scenario = scenario;
        this.clock = clock;
        int calls = scenario.calls.length;
        this.invokedAt = new long[calls];
        this.respondedAt = new long[calls];
        this.results = new CallResult[calls];
    }

    /** Runs the calls before the parallel part on {@code map}, in order, on the calling thread. */
    public void runBefore(Map<Integer, Integer> map) {
        run(scenario.before, map);
    }

    /**
     * Runs the calls of thread {@code thread} (numbered from 1, as reports number them) on {@code map},
     * in order, on the calling thread.
     */
    public void runThread(int thread, Map<Integer, Integer> map) {
        if (thread < 1 || thread > scenario.threads.length) {
            throw new IllegalArgumentException("thread must be between 1 and " + scenario.threads.length
                    + " (the scenario's threads), was " + thread);
        }
        run(scenario.threads[thread - 1], map);
    }

    /** Runs the calls after the parallel part on {@code map}, in order, on the calling thread. */
    public void runAfter(Map<Integer, Integer> map) {
        run(scenario.after, map);
    }

    private void run(int[] calls, Map<Integer, Integer> map) {
        for (int call : calls) {
            invokedAt[call] = clock.getAsLong();
            CallResult result = scenario.calls[call].invoke(map);
            respondedAt[call] = clock.getAsLong();
            results[call] = result;
        }
    }

    /**
     * The verdict and the results, as one short line for a stress tool to count: {@code LINEARIZABLE},
     * {@code NOT_LINEARIZABLE} or {@code UNKNOWN}, a colon, then each part's results — {@code before …
     * |} first when there is a before part, each thread's results separated by {@code |}, {@code | after
     * …} last — such as {@code NOT_LINEARIZABLE: null | null, 1}. Equal histories are checked once.
     *
     * @param contract the contract whose model judges the results: {@link StressScenario#contractOf} of
     *     the map the calls ran on
     * @throws IllegalStateException when a call has not run
     */
    public String outcome(MapContract contract) {
        int[] order = order();
        String key = key(order, contract);
        String known = scenario.outcomes.get(key);
        if (known != null) {
            return known;
        }
        Verdict verdict = scenario.check(history(order), contract).verdict();
        String outcome = verdict.name() + ": " + results();
        if (scenario.outcomes.size() < StressScenario.MAX_REMEMBERED) {
            scenario.outcomes.put(key, outcome);
        }
        return outcome;
    }

    /** {@link #outcome(MapContract)} with the contract of {@code map}. */
    public String outcome(Map<?, ?> map) {
        return outcome(StressScenario.contractOf(map));
    }

    /**
     * The checker's full answer for this run, with the explanation of a {@code NOT_LINEARIZABLE}
     * verdict; uncached.
     *
     * @throws IllegalStateException when a call has not run
     */
    public CheckResult check(MapContract contract) {
        return scenario.check(history(order()), contract);
    }

    /** The scenario with this run's results, as the tables of a Weft report. */
    public String resultTable() {
        Scenario<MapCall> calls = scenario.scenario();
        List<List<Optional<CallResult>>> threadResults = new ArrayList<>();
        for (int[] thread : scenario.threads) {
            threadResults.add(resultsOf(thread));
        }
        Scenario<Optional<CallResult>> all = new Scenario<>(calls.index(), resultsOf(scenario.before), threadResults,
                resultsOf(scenario.after));
        return ScenarioTable.render(ScenarioTable.cells(calls, MapCall::render, all));
    }

    private List<Optional<CallResult>> resultsOf(int[] calls) {
        List<Optional<CallResult>> list = new ArrayList<>();
        for (int call : calls) {
            list.add(Optional.ofNullable(results[call]));
        }
        return list;
    }

    /**
     * The events in one real-time order, each the call's number, plus {@code calls.length} for a
     * response: the before part, then the threads' events merged by time (at equal times an invocation
     * first, so that the two calls overlap; each thread's own events in program order), then the after
     * part.
     */
    private int[] order() {
        int calls = scenario.calls.length;
        int[] order = new int[calls * 2];
        int at = 0;
        for (int call : scenario.before) {
            order[at++] = call;
            order[at++] = calls + call;
        }
        int[][] threads = scenario.threads;
        int[] next = new int[threads.length]; // per thread: 2 * position + (0 invocation, 1 response)
        int remaining = 0;
        for (int[] thread : threads) {
            remaining += thread.length * 2;
        }
        while (remaining-- > 0) {
            // the earliest head; at equal times an invocation, else a response that lets its thread's
            // next invocation (at the same time) come before the other threads' responses
            int best = -1;
            long bestTime = 0;
            int bestRank = 0;
            for (int t = 0; t < threads.length; t++) {
                if (next[t] == threads[t].length * 2) {
                    continue;
                }
                long time = time(threads[t], next[t]);
                int rank = (next[t] & 1) == 0 ? 0
                        : next[t] + 1 < threads[t].length * 2 && time(threads[t], next[t] + 1) == time ? 1 : 2;
                if (best < 0 || time < bestTime || (time == bestTime && rank < bestRank)) {
                    best = t;
                    bestTime = time;
                    bestRank = rank;
                }
            }
            int call = threads[best][next[best] >> 1];
            order[at++] = (next[best] & 1) == 1 ? calls + call : call;
            next[best]++;
        }
        for (int call : scenario.after) {
            requireRan(call);
            order[at++] = call;
            order[at++] = calls + call;
        }
        return order;
    }

    /** The time of a thread's event {@code event}: {@code 2 * position}, plus 1 for the response. */
    private long time(int[] thread, int event) {
        int call = thread[event >> 1];
        requireRan(call);
        return (event & 1) == 1 ? respondedAt[call] : invokedAt[call];
    }

    private void requireRan(int call) {
        if (results[call] == null) {
            throw new IllegalStateException("call " + scenario.calls[call].text() + " has not run: run the before"
                    + " part, every thread and the after part before asking for a verdict");
        }
    }

    private String key(int[] order, MapContract contract) {
        StringBuilder key = new StringBuilder(order.length * 4 + 8);
        key.append(contract.ordinal());
        for (int event : order) {
            key.append((char) ('0' + event));
        }
        for (CallResult result : results) {
            key.append('\u0000');
            if (result instanceof CallResult.Threw threw) {
                key.append('!').append(threw.type().getName());
            } else {
                key.append(result.render());
            }
        }
        return key.toString();
    }

    private History history(int[] order) {
        int calls = scenario.calls.length;
        HistoryRecorder recorder = new HistoryRecorder(calls);
        for (int event : order) {
            int call = event % calls;
            int thread = threadOf(call);
            if (event < calls) {
                recorder.invoked(thread, call);
            } else {
                recorder.responded(thread, call, results[call]);
            }
        }
        return recorder.history(scenario.calls);
    }

    /** The history's thread of a call: 0 for the sequential parts, else the thread's number. */
    private int threadOf(int call) {
        for (int t = 0; t < scenario.threads.length; t++) {
            for (int mine : scenario.threads[t]) {
                if (mine == call) {
                    return t + 1;
                }
            }
        }
        return BEFORE;
    }

    private String results() {
        StringBuilder out = new StringBuilder();
        if (scenario.before.length > 0) {
            out.append("before ");
            append(out, scenario.before);
            out.append(" | ");
        }
        for (int t = 0; t < scenario.threads.length; t++) {
            if (t > 0) {
                out.append(" | ");
            }
            append(out, scenario.threads[t]);
        }
        if (scenario.after.length > 0) {
            out.append(" | after ");
            append(out, scenario.after);
        }
        return out.toString();
    }

    private void append(StringBuilder out, int[] calls) {
        for (int i = 0; i < calls.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(results[calls[i]].render());
        }
    }
}
