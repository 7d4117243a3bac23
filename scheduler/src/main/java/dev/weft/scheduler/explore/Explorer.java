package dev.weft.scheduler.explore;

import dev.weft.scheduler.replay.DecisionList;
import dev.weft.scheduler.replay.RecordingStrategy;
import dev.weft.scheduler.replay.ReplayStrategy;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ExecutionStuckException;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.runtime.Warnings;
import dev.weft.scheduler.strategy.ShardedStrategy;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.StrategySpec;
import java.time.Duration;
import dev.weft.scheduler.strategy.ExhaustiveStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a program again and again under a strategy until it fails, the strategy has nothing left to
 * explore, or the budget is spent; replays a recorded execution.
 */
public final class Explorer {

    private final ControlledRuntime runtime;
    private volatile java.util.function.BooleanSupplier stopRequested = () -> false;

    public Explorer(ControlledRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Asked between executions: when it answers {@code true}, the exploration stops cleanly as when its
     * time budget is spent ({@link Exploration#stoppedByTimeBudget()}), keeping what it explored. The
     * caller tells the two apart (the engine passes the test run's cancellation).
     */
    public void stopWhen(java.util.function.BooleanSupplier condition) {
        this.stopRequested = java.util.Objects.requireNonNull(condition, "condition");
    }

    /**
     * The seed of the draws (identity hash codes, seeds of {@code new Random()}) of every execution
     * of an exploration seeded with {@code seed}. The same for all executions: a bounded-exhaustive
     * search needs the program to behave the same under the same decisions, and a hash layout that
     * changed from one execution to the next would break that.
     */
    public static long drawSeed(long seed) {
        return dev.weft.scheduler.strategy.SeedMix.mix64(seed + dev.weft.scheduler.strategy.SeedMix.GOLDEN_GAMMA);
    }

    /** Executions run before exploring or replaying, their outcomes ignored (see {@link #warmUp}). */
    static final int WARM_UP_EXECUTIONS = 3;

    /** A warm-up execution longer than this ends the warm-up. */
    private static final long SLOW_WARM_UP_NANOS = 1_000_000_000L;

    /**
     * Runs the program a few times, unrecorded, before an exploration or a replay. The JDK fills
     * caches the first time a path runs (method types, lambda forms, reflection data), and some of
     * that goes through instrumented collections: without a warm-up, the first execution of a JVM
     * would have scheduling points that a replay in a warm JVM has not, and the reverse.
     */
    private void warmUp(Program program, DetectionMode detection, FreshStatics statics) {
        Strategy strategy = new StrategySpec.RandomWalk().create(0x5EED);
        ExecutionOptions options = new ExecutionOptions(drawSeed(0x5EED), 20_000, false)
                .withDetection(detection == DetectionMode.OFF ? DetectionMode.OFF : DetectionMode.WARN).withStatics(statics);
        for (int i = 0; i < WARM_UP_EXECUTIONS; i++) {
            long start = System.nanoTime();
            strategy.beginExecution(i);
            try {
                runtime.execute(program, strategy, options);
            } catch (RuntimeException ignored) {
                // a warm-up only loads and links; what it finds does not count
            }
            strategy.endExecution();
            if (System.nanoTime() - start > SLOW_WARM_UP_NANOS) {
                // a program this slow (or stuck where the runtime cannot see it) gains nothing from more
                // warm-up, and the exploration's first execution must meet what held it up
                return;
            }
        }
    }

    /**
     * Explores {@code program}, stopping at the first failing execution. A bounded-exhaustive search
     * with bound {@code k} runs as iterative preemption bounding: every schedule with 0 preemptions,
     * then up to 1, … up to {@code k}, so that shallow bugs are found first.
     */
    public Exploration explore(Program program, ExplorationSettings settings) {
        return explore(program, settings, Judge.NONE);
    }

    /**
     * Explores {@code program}; after each execution that passed, {@code judge} decides whether what
     * it did was right. The first execution that fails or is rejected ends the exploration.
     */
    public Exploration explore(Program program, ExplorationSettings settings, Judge judge) {
        return explore(program, settings, judge, true);
    }

    /**
     * As {@link #explore(Program, ExplorationSettings, Judge)}; {@code warmUp = false} skips the
     * warm-up executions, for callers that already ran the same code in this JVM (the scenarios
     * of one test after the first, shrinking candidates).
     */
    public Exploration explore(Program program, ExplorationSettings settings, Judge judge, boolean warmUp) {
        long start = System.nanoTime();
        Progress progress = new Progress(settings, start);
        ExecutionStuckException stuck = exploreOnDriver(program, settings, judge, warmUp, progress);
        if (stuck != null && progress.current == null && progress.failure == null) {
            // stuck in a warm-up execution, whose outcome does not count: explore without it (on a new driver)
            stuck = exploreOnDriver(program, settings, judge, false, progress);
        }
        RecordingStrategy strategy = progress.current;
        if (stuck != null && strategy != null && progress.failure == null) {
            // thread 0 got stuck outside Weft's control: the execution in progress is the failure
            progress.executions++;
            progress.failure = new Failure(progress.currentGlobal, settings.seed(), strategy.decisions(), stuck.outcome());
        }
        return new Exploration(progress.executions, progress.seen.size(), Duration.ofNanos(System.nanoTime() - start),
                progress.description, progress.failure == null ? progress.completion : Optional.empty(),
                Optional.ofNullable(progress.failure), progress.timedOut, progress.warnings.list(), progress.suppressed,
                progress.executionsByStrategy(), progress.notes);
    }

    /** Explores on the runtime's driver; returns how thread 0 got stuck when it did, else {@code null}. */
    private ExecutionStuckException exploreOnDriver(Program program, ExplorationSettings settings, Judge judge, boolean warmUp,
            Progress progress) {
        try {
            runtime.explore(() -> {
                exploreHere(program, settings, judge, warmUp, progress);
                return null;
            });
            return null;
        } catch (ExecutionStuckException stuck) {
            return stuck;
        }
    }

    private void exploreHere(Program program, ExplorationSettings settings, Judge judge, boolean warmUp, Progress progress) {
        if (warmUp) {
            warmUp(program, settings.detection(), settings.statics());
        }
        if (settings.strategy() instanceof StrategySpec.Exhaustive exhaustive) {
            int bound = exhaustive.preemptionBound();
            int first = exhaustive.unbounded() ? bound : 0;
            for (int k = first; k <= bound && progress.failure == null && !progress.stopped; k++) {
                Strategy strategy = new StrategySpec.Exhaustive(k).create(settings.seed());
                run(program, Strategies.shard(strategy, settings.shard()), settings, progress, judge);
                if (k == ExhaustiveStrategy.UNBOUNDED) {
                    break;
                }
            }
        } else {
            Strategy base = settings.strategy().create(settings.seed());
            run(program, Strategies.shard(base, settings.shard()), settings, progress, judge);
        }
    }

    /** State of one exploration across the strategies it runs. */
    private static final class Progress {
        final long deadline;
        final Set<DecisionList> seen = new HashSet<>();
        long executions;
        boolean timedOut;
        boolean stopped;
        Failure failure;
        String description = "";
        Optional<String> completion = Optional.empty();
        final Warnings warnings = new Warnings(Warnings.LIMIT);
        final Map<String, Long> suppressed = new TreeMap<>();
        /** Executions per deciding strategy, by identity: described once, at the end. */
        final Map<Strategy, long[]> deciding = new java.util.IdentityHashMap<>();
        final List<String> notes = new ArrayList<>();
        /** The execution in progress, for a failure the watching thread reports (thread 0 stuck). */
        volatile RecordingStrategy current;
        volatile long currentGlobal;

        void add(ExecutionResult result) {
            warnings.addAll(result.warnings());
            result.suppressedRaces().forEach((field, count) -> suppressed.merge(field, (long) count, Long::sum));
            for (String note : result.notes()) {
                if (notes.size() < 5 && !notes.contains(note)) {
                    notes.add(note);
                }
            }
        }

        Map<StrategySpec, Long> executionsByStrategy() {
            Map<StrategySpec, Long> counts = new java.util.HashMap<>();
            deciding.forEach((strategy, count) -> strategy.spec().ifPresent(spec -> counts.merge(spec, count[0], Long::sum)));
            return counts;
        }

        Progress(ExplorationSettings settings, long start) {
            this.deadline = settings.timeBudget() == null ? Long.MAX_VALUE : start + settings.timeBudget().toNanos();
        }
    }

    private void run(Program program, Strategy sharded, ExplorationSettings settings, Progress progress, Judge judge) {
        RecordingStrategy strategy = new RecordingStrategy(sharded);
        progress.description = strategy.describe();
        long local = 0;
        boolean more = true;
        while (more) {
            if (progress.executions >= settings.maxExecutions()) {
                progress.stopped = true;
                return;
            }
            // at least one execution, however long the warm-up took, unless the run was stopped: an
            // exploration that explored nothing says nothing about the program
            if ((System.nanoTime() > progress.deadline && progress.executions > 0) || stopRequested.getAsBoolean()) {
                progress.timedOut = true;
                progress.stopped = true;
                return;
            }
            strategy.beginExecution(local);
            long global = sharded instanceof ShardedStrategy s ? s.globalIndex(local) : progress.executions;
            progress.currentGlobal = global;
            progress.current = strategy;
            ExecutionResult result = runtime.execute(program, strategy, settings.executionOptions(false));
            progress.current = null;
            progress.deciding.computeIfAbsent(strategy.deciding(), s -> new long[1])[0]++;
            progress.add(result);
            more = strategy.endExecution();
            local++;
            progress.executions++;
            DecisionList decisions = strategy.decisions();
            progress.seen.add(decisions);
            Outcome outcome = result.outcome().failed() ? result.outcome() : judge.judge(result);
            if (outcome.failed()) {
                progress.failure = new Failure(global, settings.seed(), decisions,
                        result.outcome().failed() ? withEarlierStack(program, decisions, settings, outcome) : outcome);
                return;
            }
        }
        progress.completion = sharded.completionStatement();
    }

    /**
     * Runs a detector's finding once more under the same decisions, traced as a replay is, so that
     * the report names objects as the replay will ({@code HashMap#2} is numbered in trace order) and
     * a data race's earlier access gets its own stack (recorded as it happens; in the first run it
     * was long past when the race was found). Anything unexpected keeps the first report.
     */
    private Outcome withEarlierStack(Program program, DecisionList decisions, ExplorationSettings settings, Outcome outcome) {
        if (!(outcome instanceof Outcome.DataRace) && !(outcome instanceof Outcome.CollectionMisuse)) {
            return outcome;
        }
        try {
            ExecutionOptions options = settings.executionOptions(true);
            if (outcome instanceof Outcome.DataRace race) {
                options = options.withStackCaptureFor(race);
            }
            ExecutionResult again = replayOnce(program, decisions, options);
            return sameFinding(outcome, again.outcome()) ? again.outcome() : outcome;
        } catch (RuntimeException e) {
            return outcome;
        }
    }

    private static boolean sameFinding(Outcome first, Outcome again) {
        if (first instanceof Outcome.DataRace a && again instanceof Outcome.DataRace b) {
            return sameAccess(a.earlier(), b.earlier()) && sameAccess(a.later(), b.later());
        }
        if (first instanceof Outcome.CollectionMisuse a && again instanceof Outcome.CollectionMisuse b) {
            return sameAccess(a.inside(), b.inside()) && sameAccess(a.entering(), b.entering());
        }
        return false;
    }

    private static boolean sameAccess(Outcome.Access a, Outcome.Access b) {
        return a.thread() == b.thread() && a.siteId() == b.siteId() && a.action().equals(b.action());
    }

    /**
     * Replays one recorded execution with its trace.
     *
     * @throws dev.weft.scheduler.replay.ReplayDivergenceException when the program no longer behaves
     *     as it did when the decisions were recorded, saying where
     */
    public ExecutionResult replay(Program program, long seed, long execution, DecisionList decisions, long maxSteps) {
        return replay(program, decisions, new ExecutionOptions(drawSeed(seed), maxSteps, true));
    }

    /**
     * Replays a failure of an exploration with its trace, with the exploration's detector settings,
     * so that a data race or collection misuse is reported again, at the same access.
     *
     * @throws dev.weft.scheduler.replay.ReplayDivergenceException when the program no longer behaves
     *     as it did when the decisions were recorded, saying where
     */
    public ExecutionResult replay(Program program, Failure failure, ExplorationSettings settings) {
        ExecutionOptions options = settings.executionOptions(true);
        if (failure.outcome() instanceof Outcome.DataRace race) {
            options = options.withStackCaptureFor(race);
        }
        return replay(program, failure.decisions(), options);
    }

    private ExecutionResult replay(Program program, DecisionList decisions, ExecutionOptions options) {
        return runtime.keepingStatics(() -> {
            warmUp(program, options.detection(), options.statics());
            return replayOnce(program, decisions, options);
        });
    }

    /**
     * Runs {@code decisions} once. A traced replay first runs them untraced, to learn how many steps the
     * execution takes: one of millions (a hang at the step bound) then keeps the events of its first
     * and last steps only, instead of taking minutes and gigabytes to record every one.
     */
    private ExecutionResult replayOnce(Program program, DecisionList decisions, ExecutionOptions options) {
        if (options.trace() && options.expectedSteps() == 0) {
            long steps = runDecisions(program, decisions, options.untraced()).steps();
            if (steps > ExecutionOptions.TRACE_HEAD_STEPS + 2 * ExecutionOptions.TRACE_TAIL_STEPS) {
                options = options.withExpectedSteps(steps);
            }
        }
        return runDecisions(program, decisions, options);
    }

    private ExecutionResult runDecisions(Program program, DecisionList decisions, ExecutionOptions options) {
        ReplayStrategy strategy = new ReplayStrategy(decisions);
        strategy.beginExecution(0);
        ExecutionResult result = runtime.execute(program, strategy, options);
        strategy.endExecution();
        return result;
    }
}
