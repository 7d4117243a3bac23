package dev.weft.engine.runner;

import dev.weft.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Smaller variants of a failing scenario, biggest cuts first: a whole thread, then one sequential
 * call, then one call of a thread. The caller keeps the first variant that still fails and asks
 * again, until no variant fails.
 */
final class ScenarioShrinker {

    private ScenarioShrinker() {}

    static <C> List<Scenario<C>> candidates(Scenario<C> scenario) {
        List<Scenario<C>> candidates = new ArrayList<>();
        List<List<C>> threads = scenario.threads();
        if (threads.size() > 1) {
            for (int t = 0; t < threads.size(); t++) {
                List<List<C>> fewer = new ArrayList<>(threads);
                fewer.remove(t);
                candidates.add(new Scenario<>(scenario.index(), scenario.before(), fewer, scenario.after()));
            }
        }
        for (int i = scenario.after().size() - 1; i >= 0; i--) {
            candidates.add(new Scenario<>(scenario.index(), scenario.before(), threads, without(scenario.after(), i)));
        }
        for (int i = scenario.before().size() - 1; i >= 0; i--) {
            candidates.add(new Scenario<>(scenario.index(), without(scenario.before(), i), threads, scenario.after()));
        }
        for (int t = 0; t < threads.size(); t++) {
            if (threads.get(t).size() < 2) {
                continue;
            }
            for (int i = threads.get(t).size() - 1; i >= 0; i--) {
                List<List<C>> shorter = new ArrayList<>(threads);
                shorter.set(t, without(threads.get(t), i));
                candidates.add(new Scenario<>(scenario.index(), scenario.before(), shorter, scenario.after()));
            }
        }
        return candidates;
    }

    private static <C> List<C> without(List<C> calls, int index) {
        List<C> fewer = new ArrayList<>(calls);
        fewer.remove(index);
        return fewer;
    }
}
