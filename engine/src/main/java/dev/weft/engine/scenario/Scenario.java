package dev.weft.engine.scenario;

import java.util.List;

/**
 * One generated program of operations: some run sequentially before the parallel part, one list per
 * parallel thread, some run sequentially after. Immutable.
 *
 * @param <C> the type of one call: {@link MapCall} or {@link ObjectCall}
 * @param index the scenario's index within its test, from 0; with the seed it determines the scenario
 * @param before calls run sequentially before the parallel part
 * @param threads the calls of each parallel thread, thread 1 first
 * @param after calls run sequentially after every parallel thread has finished
 */
public record Scenario<C>(int index, List<C> before, List<List<C>> threads, List<C> after) {

    /** Copies the lists. */
    public Scenario {
        before = List.copyOf(before);
        threads = threads.stream().map(List::copyOf).toList();
        after = List.copyOf(after);
    }

    /** How many calls the scenario has in total. */
    public int size() {
        return before.size() + after.size() + threads.stream().mapToInt(List::size).sum();
    }
}
