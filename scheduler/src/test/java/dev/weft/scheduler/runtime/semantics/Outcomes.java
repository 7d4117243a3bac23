package dev.weft.scheduler.runtime.semantics;

import static org.assertj.core.api.Assertions.fail;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ExecutionStuckException;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.ExhaustiveStrategy;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a tiny program under every interleaving (exhaustive search, by default with no preemption bound) and checks
 * the set of its outcomes against a declaration, as jcstress does: each acceptable outcome must occur
 * and each is given a sentence, each forbidden one must not, and nothing undeclared may occur.
 *
 * <p>The outcome of one execution is what thread 0 returns when every thread finished without an
 * uncaught exception, else the verdict: {@code deadlock}, {@code hang} (a spin, or no progress), {@code hang at
 * the step bound}, {@code thread N threw
 * SomeException}, {@code uncontrolled}.
 */
final class Outcomes {

    /** Executions after which a search that has not finished fails the test (the programs are tiny). */
    private static final int MAX_EXECUTIONS = 20_000;
    /** Above the runtime's spin rule (a hang after 50,000 reads without a write, then confirmed), so a spin is named as one. */
    private static final long MAX_STEPS = 100_000;

    /** A program whose thread 0 returns what it observed. */
    @FunctionalInterface
    interface Observing {
        String run() throws Exception;
    }

    private final Observing program;
    private int preemptionBound = ExhaustiveStrategy.UNBOUNDED;
    private long maxSteps = MAX_STEPS;
    private final Map<String, String> acceptable = new LinkedHashMap<>();
    private final Map<String, String> forbidden = new LinkedHashMap<>();

    private Outcomes(Observing program) {
        this.program = program;
    }

    /** The outcomes of {@code program}, to declare. */
    static Outcomes of(Observing program) {
        return new Outcomes(program);
    }

    /**
     * Explores only the interleavings with at most {@code bound} preemptions (for programs whose
     * threads run through {@code java.util.concurrent}, too long to explore all).
     */
    Outcomes preemptions(int bound) {
        preemptionBound = bound;
        return this;
    }

    /** Raises the step bound of each execution (for programs that take long on purpose). */
    Outcomes maxSteps(long bound) {
        maxSteps = bound;
        return this;
    }

    /** An outcome that must occur in some interleaving, and why it is right. */
    Outcomes acceptable(String outcome, String why) {
        acceptable.put(outcome, why);
        return this;
    }

    /** An outcome that must occur in no interleaving, and why. */
    Outcomes forbidden(String outcome, String why) {
        forbidden.put(outcome, why);
        return this;
    }

    /**
     * Explores every interleaving and checks the outcomes against the declaration.
     *
     * @return how many executions ended with each outcome
     */
    Map<String, Integer> check() {
        Map<String, Integer> seen = explore(program, preemptionBound, maxSteps);
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, Integer> outcome : seen.entrySet()) {
            if (forbidden.containsKey(outcome.getKey())) {
                problems.append("  forbidden outcome \"").append(outcome.getKey()).append("\" occurred ")
                        .append(outcome.getValue()).append("x: ").append(forbidden.get(outcome.getKey())).append('\n');
            } else if (!acceptable.containsKey(outcome.getKey())) {
                problems.append("  undeclared outcome \"").append(outcome.getKey()).append("\" occurred ")
                        .append(outcome.getValue()).append("x\n");
            }
        }
        for (Map.Entry<String, String> outcome : acceptable.entrySet()) {
            if (!seen.containsKey(outcome.getKey())) {
                problems.append("  acceptable outcome \"").append(outcome.getKey()).append("\" never occurred: ")
                        .append(outcome.getValue()).append('\n');
            }
        }
        if (problems.length() > 0) {
            fail("outcomes over all interleavings: " + seen + "\n" + problems);
        }
        return seen;
    }

    /** The outcome of every interleaving of {@code program} with at most {@code preemptionBound} preemptions, counted. */
    static Map<String, Integer> explore(Observing program, int preemptionBound) {
        return explore(program, preemptionBound, MAX_STEPS);
    }

    /** The same, each execution bounded by {@code maxSteps}. */
    static Map<String, Integer> explore(Observing program, int preemptionBound, long maxSteps) {
        ControlledRuntime runtime = ControlledRuntime.get();
        for (String late : WeftAgent.lateSynchronizedClasses()) {
            if (late.startsWith(Outcomes.class.getPackageName() + ".")) {
                fail(late + " was loaded before the agent started, so its synchronized methods run as one step;"
                        + " make it a top-level class that only the programs use");
            }
        }
        try {
            return searchAll(runtime, program, preemptionBound, maxSteps);
        } catch (ExecutionStuckException stuck) {
            throw new AssertionError(stuck.getMessage() + "\n" + stuck.outcome().details(), stuck);
        }
    }

    private static Map<String, Integer> searchAll(ControlledRuntime runtime, Observing program, int preemptionBound,
            long maxSteps) {
        String[] observed = new String[1];
        dev.weft.scheduler.runtime.Program wrapped = () -> observed[0] = program.run();
        return runtime.explore(() -> {
            warmUp(runtime, wrapped);
            Map<String, Integer> seen = new TreeMap<>();
            ExhaustiveStrategy strategy = new ExhaustiveStrategy(preemptionBound);
            ExecutionOptions options = new ExecutionOptions(42, maxSteps, false);
            boolean more = true;
            for (int i = 0; more; i++) {
                if (i == MAX_EXECUTIONS) {
                    fail("the exhaustive search did not finish within " + MAX_EXECUTIONS + " executions: " + seen);
                }
                observed[0] = null;
                strategy.beginExecution(i);
                ExecutionResult result = runtime.execute(wrapped, strategy, options);
                more = strategy.endExecution();
                seen.merge(name(result.outcome(), observed[0]), 1, Integer::sum);
            }
            return seen;
        });
    }

    /** Loads and links what the program uses, so that the search sees the same program every time. */
    private static void warmUp(ControlledRuntime runtime, dev.weft.scheduler.runtime.Program program) {
        Strategy random = Strategies.create("random", 7);
        for (int i = 0; i < 3; i++) {
            random.beginExecution(i);
            runtime.execute(program, random, new ExecutionOptions(42, MAX_STEPS, false));
            random.endExecution();
        }
    }

    private static String name(Outcome outcome, String observed) {
        if (outcome instanceof Outcome.Passed) {
            return String.valueOf(observed);
        }
        if (outcome instanceof Outcome.Failed failed) {
            return "thread " + failed.thread() + " threw " + failed.error().getClass().getSimpleName();
        }
        if (outcome instanceof Outcome.Deadlock) {
            return "deadlock";
        }
        if (outcome instanceof Outcome.Hang hang) {
            return hang.reason().startsWith("the execution did not finish within") ? "hang at the step bound" : "hang";
        }
        return outcome.headline();
    }
}
