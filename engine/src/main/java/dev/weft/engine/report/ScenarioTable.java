package dev.weft.engine.report;

import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders a scenario as tables: the sequential part before (if any), the parallel part with a column
 * per thread, the sequential part after (if any), separated by blank lines. Each cell is a call with
 * its result, {@code put(1, 2): null}, or the call alone when it has no result (it never ran, or it
 * was still running when the execution ended: {@code put(1, 2): pending}).
 */
public final class ScenarioTable {

    /** The text of a call that had started but not returned when the execution ended. */
    public static final String PENDING = "pending";

    private ScenarioTable() {
    }

    /** A cell: the call, then its result. */
    public static String cell(String call, CallResult result) {
        return call + ": " + result.render();
    }

    /**
     * The cells of a scenario with results: {@code results} has the scenario's shape; an empty result
     * prints as {@link #PENDING}.
     */
    public static <C> Scenario<String> cells(Scenario<C> scenario, Function<? super C, String> renderCall,
            Scenario<Optional<CallResult>> results) {
        List<List<String>> threads = new ArrayList<>();
        for (int thread = 0; thread < scenario.threads().size(); thread++) {
            threads.add(zip(scenario.threads().get(thread), results.threads().get(thread), renderCall));
        }
        return new Scenario<>(scenario.index(), zip(scenario.before(), results.before(), renderCall), threads,
                zip(scenario.after(), results.after(), renderCall));
    }

    /** The cells of a scenario without results: the calls alone. */
    public static <C> Scenario<String> cells(Scenario<C> scenario, Function<? super C, String> renderCall) {
        return new Scenario<>(scenario.index(), scenario.before().stream().map(renderCall).toList(),
                scenario.threads().stream().map(calls -> calls.stream().map(renderCall).toList()).toList(),
                scenario.after().stream().map(renderCall).toList());
    }

    /** The tables of a scenario whose cells are already text. */
    public static String render(Scenario<String> cells) {
        List<String> parts = new ArrayList<>();
        if (!cells.before().isEmpty()) {
            parts.add(column("before", cells.before()));
        }
        List<String> headers = new ArrayList<>();
        int height = 0;
        for (int thread = 0; thread < cells.threads().size(); thread++) {
            headers.add("thread " + (thread + 1));
            height = Math.max(height, cells.threads().get(thread).size());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < height; row++) {
            List<String> cellsOfRow = new ArrayList<>();
            for (List<String> thread : cells.threads()) {
                cellsOfRow.add(row < thread.size() ? thread.get(row) : "");
            }
            rows.add(cellsOfRow);
        }
        parts.add(TextTable.render(headers, rows));
        if (!cells.after().isEmpty()) {
            parts.add(column("after", cells.after()));
        }
        return String.join("\n\n", parts);
    }

    private static String column(String header, List<String> cells) {
        return TextTable.render(List.of(header), cells.stream().map(List::of).toList());
    }

    private static <C> List<String> zip(List<C> calls, List<Optional<CallResult>> results,
            Function<? super C, String> renderCall) {
        if (calls.size() != results.size()) {
            throw new IllegalArgumentException("results must match the calls, was " + results.size()
                    + " results for " + calls.size() + " calls");
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String call = renderCall.apply(calls.get(i));
            cells.add(results.get(i).map(result -> cell(call, result)).orElse(call + ": " + PENDING));
        }
        return cells;
    }
}
