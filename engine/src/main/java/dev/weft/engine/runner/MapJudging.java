package dev.weft.engine.runner;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.JdkMapContract;
import dev.weft.engine.scenario.MapScenarioSpec;
import dev.weft.models.check.Checker;
import dev.weft.models.check.Verdict;
import dev.weft.models.history.History;
import dev.weft.models.history.Operation;
import dev.weft.models.model.MapModel;
import dev.weft.models.model.Model;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a map-form test judges an execution: by the strict model of the declared map type, except that a
 * {@link JdkMapContract JDK map} with the default operations has those it documents as non-atomic checked
 * by its documented contract. A failure of an operation the test names, that the documented contract
 * allows, gets one line per sentence of the contract in the report.
 */
final class MapJudging implements ScenarioRun.Judging {

    private final MapScenarioSpec spec;
    private final Checker checker;
    private final MapModel strict;
    /** The last class asked about and its model: every execution of a test returns the same class, normally. */
    private volatile Chosen chosen;

    private record Chosen(Class<?> target, Model<?> model) {}

    MapJudging(MapScenarioSpec spec, Checker checker) {
        this.spec = spec;
        this.checker = checker;
        this.strict = MapModel.of(spec.contract());
    }

    @Override
    public Model<?> model(Class<?> target) {
        Chosen last = chosen;
        if (last == null || last.target != target) {
            last = new Chosen(target, JdkMapContract.of(target).<Model<?>>map(jdk -> jdk.model(spec)).orElse(strict));
            chosen = last;
        }
        return last.model;
    }

    @Override
    public List<String> contractLines(Class<?> target, History history) {
        Optional<JdkMapContract> jdk = JdkMapContract.inherited(target);
        boolean subclass = jdk.isPresent() && jdk.get().type() != target;
        if (jdk.isEmpty() || (spec.defaultOperations() && !subclass)) {
            return List.of();
        }
        Model<?> documented = jdk.get().documented(spec);
        if (documented == strict || checker.check(history, documented).verdict() != Verdict.LINEARIZABLE) {
            return List.of();
        }
        Set<String> called = new HashSet<>();
        for (Operation op : history.operations()) {
            called.add(op.name());
        }
        List<MapOperation> present = new ArrayList<>();
        for (MapOperation op : spec.operations()) {
            if (jdk.get().nonAtomic().contains(op) && called.contains(op.methodName()) && !present.contains(op)) {
                present.add(op);
            }
        }
        List<String> lines = new ArrayList<>(jdk.get().contractLines(present));
        if (!lines.isEmpty()) {
            lines.add(subclass
                    ? "this history fits the documented contract of " + jdk.get().type().getSimpleName() + ", which "
                            + target.getName() + " extends; a subclass is checked for atomicity, since it may override"
                            + " any method (name the operations to check in @MapScenario to leave these out)"
                    : "this history fits the documented contract; operations named in @MapScenario are checked for"
                            + " atomicity, the default ones by the contract");
        }
        return lines;
    }
}
