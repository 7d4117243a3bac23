package dev.weft.engine.runner;

import dev.weft.api.Strategy;
import dev.weft.engine.config.ReplayRequest;
import dev.weft.engine.config.TestSettings;
import dev.weft.engine.execution.ExplorationListener;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.ExplorationStatistics;
import dev.weft.engine.execution.ImperativeProgram;
import dev.weft.engine.execution.MapProgram;
import dev.weft.engine.execution.ObjectProgram;
import dev.weft.engine.execution.TestExplorer;
import dev.weft.engine.execution.TestPlan;
import dev.weft.engine.report.FailureReport;
import dev.weft.engine.report.FailureView;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.ObjectCall;
import dev.weft.engine.scenario.OperationMethod;
import dev.weft.engine.scenario.Scenario;
import dev.weft.engine.store.StoredFailure;
import dev.weft.models.check.Checker;
import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.explore.Judge;
import dev.weft.scheduler.replay.ReplayDivergenceException;
import dev.weft.scheduler.replay.ReplayToken;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Shard;
import dev.weft.scheduler.strategy.StrategySpec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The engine's explorer: runs a test under {@link ControlledRuntime}. Imperative tests run their
 * method once per execution; map tests run generated scenarios, each execution judged for
 * linearizability. A failure is shrunk (map form: fewer operations and threads; both forms: the
 * fewest preemptions found by bounded search), replayed with its trace, and reported with a replay
 * token. A replay request or a stored failure is replayed before anything is explored.
 */
public final class ControlledExplorer implements TestExplorer {

    static final String IMPERATIVE = "imperative";
    static final String MAP = "map";
    static final String OPERATIONS = "operations";
    private static final int MIN_PREEMPTION_BUDGET = 500;
    /** The bound of the search for a failing schedule with fewer preemptions than the one found. */
    private static final int SHRINK_PREEMPTION_BOUND = 2;
    private static final Duration MIN_PREEMPTION_TIME = Duration.ofMillis(500);
    private static final int SHRINK_CANDIDATE_BUDGET = 150;
    private static final Duration SHRINK_TIME = Duration.ofSeconds(1);
    private static final int MAX_WARNINGS = 5;

    @Override
    public List<String> prepare(java.util.function.Function<String, java.util.Optional<String>> configuration) {
        List<String> late = dev.weft.scheduler.runtime.RuntimeSettings.configure(key -> configuration.apply(key).orElse(null));
        prepare();
        return late;
    }

    /**
     * Starts the runtime, if it has not started: the earlier, the fewer classes are loaded before its
     * agent. Never throws: a runtime that cannot start fails the tests when they run, with the reason.
     */
    public void prepare() {
        try {
            ControlledRuntime.get();
        } catch (RuntimeException | LinkageError e) {
            // reported by every test when it runs
        }
    }

    @Override
    public List<String> instrumentationNotes() {
        List<String> late = dev.weft.scheduler.agent.WeftAgent.lateSynchronizedClasses();
        if (late.isEmpty()) {
            return List.of();
        }
        return List.of(late.size() + (late.size() == 1 ? " class was" : " classes were")
                + " loaded before weft's agent attached, so each of their synchronized methods runs as one step"
                + " (no switch just before or inside it): " + String.join(", ", late)
                + " (give the agent from the start: -javaagent in Surefire's argLine, see docs/runtime.md)");
    }

    /**
     * The scheduler's specification of a test's strategy: the one place where the annotation's {@link Strategy}
     * becomes a strategy the scheduler runs ({@link #kind} is its inverse, for the counts per strategy). {@link Strategy#DEFAULT} is resolved by the test's settings
     * before it gets here; should it not be, it runs the built-in default, the portfolio.
     */
    static StrategySpec strategySpec(Strategy strategy, int preemptionBound) {
        return switch (strategy) {
            case RANDOM -> new StrategySpec.RandomWalk();
            case PCT -> new StrategySpec.Pct();
            case POS -> new StrategySpec.Pos();
            case EXHAUSTIVE -> new StrategySpec.Exhaustive(preemptionBound);
            case PORTFOLIO, DEFAULT -> new StrategySpec.Portfolio();
        };
    }

    /** The annotation's name of the strategy a specification describes, for the executions counted per strategy. */
    static Strategy kind(StrategySpec spec) {
        if (spec instanceof StrategySpec.RandomWalk) {
            return Strategy.RANDOM;
        }
        if (spec instanceof StrategySpec.Pct) {
            return Strategy.PCT;
        }
        if (spec instanceof StrategySpec.Pos) {
            return Strategy.POS;
        }
        return spec instanceof StrategySpec.Exhaustive ? Strategy.EXHAUSTIVE : Strategy.PORTFOLIO;
    }

    @Override
    public ExplorationResult explore(TestPlan plan, ExplorationListener listener) throws Exception {
        ControlledRuntime runtime = ControlledRuntime.get();
        Explorer explorer = new Explorer(runtime);
        explorer.stopWhen(listener::stopRequested);
        Run run = new Run(plan, explorer, listener);
        try {
            return run.execute();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** One test's exploration. */
    private static final class Run {
        private final TestPlan plan;
        private final TestSettings settings;
        private final Explorer explorer;
        private final ExplorationListener listener;
        private final long start = System.nanoTime();
        private final Map<Strategy, Long> byStrategy = new EnumMap<>(Strategy.class);
        private final Map<String, Long> suppressed = new java.util.TreeMap<>();
        private final dev.weft.scheduler.runtime.Warnings warnings = new dev.weft.scheduler.runtime.Warnings(MAX_WARNINGS);
        private final List<String> notes = new ArrayList<>();
        private long executions;
        private long distinct;
        private int scenarios;
        private boolean budgetSpent;
        private boolean exhaustive;

        Run(TestPlan plan, Explorer explorer, ExplorationListener listener) {
            this.plan = plan;
            this.settings = plan.settings();
            this.explorer = explorer;
            this.listener = listener;
        }

        private String mode() {
            if (plan.program() instanceof MapProgram) {
                return MAP;
            }
            return plan.program() instanceof ObjectProgram ? OPERATIONS : IMPERATIVE;
        }

        ExplorationResult execute() throws Throwable {
            Optional<ReplayRequest> replay = settings.replay();
            if (replay.isPresent()) {
                ReplayToken token = parse(replay.get().token(), "the replay token");
                boolean mine = token.testHash() == ReplayToken.testHash(plan.identity().uniqueId());
                if (mine || !replay.get().fromConfiguration()) {
                    return replay(token, true).orElseGet(this::passed);
                }
            }
            Optional<StoredFailure> stored = plan.storedFailure();
            if (stored.isPresent()) {
                Optional<ExplorationResult> again = replayStored(stored.get().replayToken());
                if (again.isPresent()) {
                    return again.get();
                }
            }
            if (plan.program() instanceof MapProgram map) {
                return exploreScenarios(mapForm(map));
            }
            if (plan.program() instanceof ObjectProgram object) {
                return exploreScenarios(objectForm(object));
            }
            return exploreImperative((ImperativeProgram) plan.program());
        }

        private ReplayToken parse(String text, String what) {
            try {
                return ReplayToken.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " of " + plan.identity().displayName() + " is unusable: "
                        + e.getMessage() + "; remove it or paste the whole token from a failure report");
            }
        }

        /** A stored failure that no longer fits (other JDK, changed code) is dropped, not fatal. */
        private Optional<ExplorationResult> replayStored(String text) throws Throwable {
            ReplayToken token;
            try {
                token = ReplayToken.parse(text);
                token.requireJdk(Runtime.version().feature());
                token.requireMode(mode());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            try {
                return replay(token, false);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Replays a token: a failure report if it still fails, empty if it passes. */
        private Optional<ExplorationResult> replay(ReplayToken token, boolean requested) throws Throwable {
            if (requested) {
                try {
                    token.requireJdk(Runtime.version().feature());
                    token.requireMode(mode());
                    token.requireTest(ReplayToken.testHash(plan.identity().uniqueId()), plan.identity().displayName());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cannot replay " + plan.identity().displayName() + ": " + e.getMessage());
                }
            }
            Failure failure = new Failure(token.execution(), token.seed(), token.decisions(), new Outcome.Passed());
            byStrategy.merge(settings.strategy(), 1L, Long::sum);
            if (plan.program() instanceof MapProgram map) {
                return replayScenario(mapForm(map), token, failure, requested);
            }
            if (plan.program() instanceof ObjectProgram object) {
                return replayScenario(objectForm(object), token, failure, requested);
            }
            Program program = imperativeProgram((ImperativeProgram) plan.program());
            ExecutionResult result;
            try {
                result = replayWithStacks(program, failure);
            } catch (ReplayDivergenceException e) {
                // a stored failure that no longer runs as recorded (the code, or Weft, changed): dropped
                return requested ? Optional.of(tokenDiverged(token, e)) : Optional.empty();
            }
            executions++;
            if (!result.outcome().failed()) {
                return Optional.empty();
            }
            return Optional.of(new ExplorationResult.Failed(statistics(), imperativeReport(
                    new Failure(failure.execution(), failure.seed(), failure.decisions(), result.outcome()), result,
                    "execution " + (failure.execution() + 1))));
        }

        // ------------------------------------------------------------ imperative form

        private Program imperativeProgram(ImperativeProgram program) throws IllegalAccessException {
            program.method().setAccessible(true);
            MethodHandle method = MethodHandles.lookup().unreflect(program.method());
            return () -> {
                Object instance = dev.weft.scheduler.runtime.ManagedThreads.quietly(() -> {
                    try {
                        return program.instances().create();
                    } catch (Exception e) {
                        throw new ScenarioRun.TestSetupException(e);
                    }
                });
                method.invoke(instance);
            };
        }

        private ExplorationResult exploreImperative(ImperativeProgram imperative) throws Throwable {
            Program program = imperativeProgram(imperative);
            ExplorationSettings exploration = explorationSettings(settings.schedules(), true);
            Exploration result;
            try {
                result = explorer.explore(program, exploration);
            } catch (IllegalStateException e) {
                if (!Nondeterminism.isSearchDivergence(e)) {
                    throw e;
                }
                return searchDiverged(e, "");
            }
            count(result);
            exhaustive = result.completion().isPresent();
            listener.progress(statistics());
            if (result.failure().isEmpty()) {
                return executions == 0 && result.stoppedByTimeBudget() ? nothingExplored() : passed();
            }
            Failure failure = fewestPreemptions(program, result.failure().get(), Judge.NONE);
            String location = "execution " + (failure.execution() + 1);
            ExecutionResult traced;
            try {
                traced = replayTraced(program, failure);
            } catch (ReplayDivergenceException e) {
                return new ExplorationResult.Failed(statistics(), notReplayed(failure, List.of(), e, location, new byte[0]));
            }
            return new ExplorationResult.Failed(statistics(), imperativeReport(failure, traced, location));
        }

        // ------------------------------------------------------------ map form

        /** What the map and object forms share: scenarios of calls, each run judged by a model. */
        private record Form<C>(IntFunction<Scenario<C>> generator, ScenarioFactory<C> runs, ScenarioCodec.Calls<C> codec) {}

        @FunctionalInterface
        private interface ScenarioFactory<C> {
            ScenarioRun<C> create(Scenario<C> scenario) throws IllegalAccessException;
        }

        private Form<MapCall> mapForm(MapProgram map) throws IllegalAccessException {
            map.method().setAccessible(true);
            MethodHandle factory = MethodHandles.lookup().unreflect(map.method());
            Checker checker = Checker.withDefaults();
            MapJudging judging = new MapJudging(map.spec(), checker);
            return new Form<>(index -> map.generator().generate(settings.seed(), index),
                    scenario -> new ScenarioRun<>(scenario, map, factory, judging, checker, PreparedCall::new, MapCall::render),
                    ScenarioCodec.MAP_CALLS);
        }

        private Form<ObjectCall> objectForm(ObjectProgram object) throws IllegalAccessException {
            object.method().setAccessible(true);
            MethodHandle factory = MethodHandles.lookup().unreflect(object.method());
            SequentialObjectModel model = new SequentialObjectModel(object);
            warmOperations(object);
            Checker checker = Checker.withDefaults();
            ScenarioCodec.Calls<ObjectCall> codec = new ScenarioCodec.Calls<>() {
                @Override
                public String name(ObjectCall call) {
                    return call.operation().name();
                }

                @Override
                public List<Integer> arguments(ObjectCall call) {
                    return call.argument().map(List::of).orElse(List.of());
                }

                @Override
                public ObjectCall call(String name, Integer[] arguments) {
                    for (OperationMethod operation : object.spec().operations()) {
                        if (operation.name().equals(name)) {
                            return new ObjectCall(operation, arguments.length == 0 ? Optional.empty() : Optional.of(arguments[0]));
                        }
                    }
                    throw new IllegalArgumentException("no @Operation named " + name);
                }
            };
            return new Form<>(index -> object.generator().generate(settings.seed(), index),
                    scenario -> new ScenarioRun<>(scenario, object, factory, model, checker, PreparedObjectCall::new,
                            ObjectCall::render),
                    codec);
        }

        /** Runs every operation a few hundred times on throwaway objects before any execution. */
        private void warmOperations(ObjectProgram object) {
            try {
                Object instance = object.instances().create();
                for (OperationMethod operation : object.spec().operations()) {
                    Optional<Integer> argument = operation.takesArgument() ? Optional.of(operation.arguments().get(0)) : Optional.empty();
                    new PreparedObjectCall(new ObjectCall(operation, argument)).warm(instance, object.newState(instance), 300);
                }
            } catch (Exception e) {
                // the exploration reports whatever fails here, under control
            }
        }

        private <C> Optional<ExplorationResult> replayScenario(Form<C> form, ReplayToken token, Failure failure, boolean requested)
                throws Throwable {
            ScenarioCodec.Decoded<C> decoded = ScenarioCodec.decode(token.scenario(), form.codec());
            Scenario<C> scenario = decoded.scenario();
            ScenarioRun<C> run = form.runs().create(scenario);
            ExecutionResult result;
            try {
                result = replayWithStacks(run.program(), failure);
            } catch (ReplayDivergenceException e) {
                return requested ? Optional.of(tokenDiverged(token, e)) : Optional.empty();
            }
            executions++;
            Outcome outcome = run.judge(result);
            if (!outcome.failed()) {
                return Optional.empty();
            }
            return Optional.of(new ExplorationResult.Failed(statistics(), scenarioReport(form, run, decoded.originalThreads(),
                    decoded.originalSize(), new Failure(failure.execution(), failure.seed(), failure.decisions(), outcome),
                    result, location(scenario, failure))));
        }

        private <C> ExplorationResult exploreScenarios(Form<C> form) throws Throwable {
            long deadline = settings.timeBudget().isZero() ? Long.MAX_VALUE : start + settings.timeBudget().toNanos();
            boolean first = true;
            for (int index = 0; index < settings.scenarios(); index++) {
                if (!settings.shard().owns(index)) {
                    continue;
                }
                if (System.nanoTime() > deadline || listener.stopRequested()) {
                    budgetSpent = true;
                    break;
                }
                ScenarioRun<C> run = form.runs().create(form.generator().apply(index));
                ExplorationSettings exploration = explorationSettings(settings.schedules(), false);
                if (deadline != Long.MAX_VALUE) {
                    exploration = exploration.withTimeBudget(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
                Exploration result;
                try {
                    result = explorer.explore(run.program(), exploration, run::judge, first);
                } catch (IllegalStateException e) {
                    if (!Nondeterminism.isSearchDivergence(e)) {
                        throw e;
                    }
                    return searchDiverged(e, "scenario " + (index + 1) + " of " + settings.scenarios());
                }
                first = false;
                scenarios++;
                count(result);
                listener.progress(statistics());
                if (result.failure().isPresent()) {
                    return scenarioFailure(form, run, result.failure().get());
                }
                if (result.stoppedByTimeBudget()) {
                    budgetSpent = true;
                    break;
                }
            }
            return executions == 0 && budgetSpent ? nothingExplored() : passed();
        }

        private <C> ExplorationResult scenarioFailure(Form<C> form, ScenarioRun<C> original, Failure found) throws Throwable {
            Scenario<C> smallest = original.scenario;
            Failure failure = found;
            ScenarioRun<C> run = original;
            if (settings.shrink()) {
                long shrinkDeadline = System.nanoTime() + SHRINK_TIME.toNanos();
                boolean smaller = true;
                while (smaller && System.nanoTime() < shrinkDeadline) {
                    smaller = false;
                    for (Scenario<C> candidate : ScenarioShrinker.candidates(smallest)) {
                        if (System.nanoTime() > shrinkDeadline) {
                            break;
                        }
                        ScenarioRun<C> candidateRun = form.runs().create(candidate);
                        Exploration result = explorer.explore(candidateRun.program(),
                                explorationSettings(Math.min(settings.schedules(), SHRINK_CANDIDATE_BUDGET), false),
                                candidateRun::judge, false);
                        count(result);
                        if (result.failure().isPresent()
                                && result.failure().get().outcome().getClass() == failure.outcome().getClass()) {
                            smallest = candidate;
                            failure = result.failure().get();
                            run = candidateRun;
                            smaller = true;
                            break;
                        }
                    }
                }
                failure = fewestPreemptions(run.program(), failure, run::judge);
            }
            ExecutionResult traced;
            try {
                traced = replayTraced(run.program(), failure);
            } catch (ReplayDivergenceException e) {
                List<FailureReport.Section> scenario = List.of(new FailureReport.Section("Scenario", run.callTable()));
                return new ExplorationResult.Failed(statistics(), notReplayed(failure, scenario, e, location(smallest, failure),
                        ScenarioCodec.encode(run.scenario, original.scenario.threads().size(), original.scenario.size(),
                                form.codec())));
            }
            Outcome outcome = run.judge(traced);
            Failure reported = new Failure(failure.execution(), failure.seed(), failure.decisions(),
                    outcome.failed() ? outcome : failure.outcome());
            return new ExplorationResult.Failed(statistics(), scenarioReport(form, run, original.scenario.threads().size(),
                    original.scenario.size(), reported, traced, location(smallest, reported)));
        }

        private String location(Scenario<?> scenario, Failure failure) {
            return "scenario " + (scenario.index() + 1) + " of " + settings.scenarios() + ", execution "
                    + (failure.execution() + 1);
        }

        // ------------------------------------------------------------ shared

        private ExplorationSettings explorationSettings(int maxExecutions, boolean shardExecutions) {
            Shard shard = shardExecutions ? settings.shard() : Shard.WHOLE;
            Duration budget = settings.timeBudget().isZero() ? null : settings.timeBudget();
            return new ExplorationSettings(strategySpec(settings.strategy(), settings.preemptionBound()), settings.seed(),
                    maxExecutions, budget, shard, settings.maxSteps(), detection(), suppressedFields()).withStatics(statics());
        }

        /** Fresh statics in every execution, but for the classes kept (or none, when the test says so). */
        private FreshStatics statics() {
            return settings.freshStatics() ? FreshStatics.keeping(settings.staticsKeep()) : FreshStatics.OFF;
        }

        /**
         * The {@code weft.races.suppress} entries the detector understands: fields, written
         * {@code com.example.Cache.hits} or {@code Cache.hits}, matched by the field's class's simple
         * name (nested classes as {@code Outer$Inner}) and the field's name.
         */
        private Set<String> suppressedFields() {
            Set<String> fields = new java.util.HashSet<>();
            List<String> entries = new ArrayList<>(settings.racesSuppress());
            for (java.lang.reflect.AnnotatedElement element : List.of(plan.program().method(), plan.program().testClass())) {
                dev.weft.api.SuppressRace annotation = element.getAnnotation(dev.weft.api.SuppressRace.class);
                if (annotation != null) {
                    entries.addAll(List.of(annotation.value()));
                }
            }
            for (String entry : entries) {
                fields.add(entry.strip());
                String[] parts = entry.strip().split("\\.");
                if (parts.length >= 2 && !entry.endsWith("*")) {
                    fields.add(parts[parts.length - 2] + "." + parts[parts.length - 1]);
                }
            }
            return Set.copyOf(fields);
        }

        private DetectionMode detection() {
            return switch (settings.races()) {
                case FAIL -> DetectionMode.FAIL;
                case WARN -> DetectionMode.WARN;
                case OFF -> DetectionMode.OFF;
            };
        }

        /**
         * Replays a token's execution; a data race found there is replayed once more with the earlier
         * access's stack captured, as the exploration that recorded the token did.
         */
        private ExecutionResult replayWithStacks(Program program, Failure failure) {
            ExecutionResult result = explorer.replay(program, failure, replaySettings(failure.seed()));
            if (result.outcome() instanceof Outcome.DataRace) {
                result = explorer.replay(program, new Failure(failure.execution(), failure.seed(), failure.decisions(),
                        result.outcome()), replaySettings(failure.seed()));
            }
            return result;
        }

        /** Settings that replay an execution of an exploration seeded with {@code seed}, detectors as configured. */
        private ExplorationSettings replaySettings(long seed) {
            return new ExplorationSettings(new StrategySpec.RandomWalk(), seed, 1, null, Shard.WHOLE,
                    settings.maxSteps(), detection(), suppressedFields()).withStatics(statics());
        }

        /** The failing schedule with the fewest preemptions a bounded search finds, or the one given. */
        private Failure fewestPreemptions(Program program, Failure failure, Judge judge) {
            if (!settings.shrink()) {
                return failure;
            }
            ExplorationSettings bounded = new ExplorationSettings(new StrategySpec.Exhaustive(SHRINK_PREEMPTION_BOUND), settings.seed(),
                    MIN_PREEMPTION_BUDGET, MIN_PREEMPTION_TIME, Shard.WHOLE, settings.maxSteps(),
                    detection(), suppressedFields()).withStatics(statics());
            try {
                Exploration result = explorer.explore(program, bounded, judge, false);
                count(result);
                if (result.failure().isPresent()
                        && result.failure().get().outcome().getClass() == failure.outcome().getClass()
                        && result.failure().get().decisions().switchCount() <= failure.decisions().switchCount()) {
                    return result.failure().get();
                }
            } catch (IllegalStateException nondeterministic) {
                // the bounded search needs a deterministic program; keep the schedule found
            }
            return failure;
        }

        private ExecutionResult replayTraced(Program program, Failure failure) {
            ExecutionResult traced = explorer.replay(program, failure, replaySettings(failure.seed()));
            executions++;
            return traced;
        }

        private void count(Exploration result) {
            result.suppressedRaces().forEach((field, n) -> suppressed.merge(field, n, Long::sum));
            warnings.addAll(result.warnings());
            for (String note : result.notes()) {
                if (notes.size() < MAX_WARNINGS && !notes.contains(note)) {
                    notes.add(note);
                }
            }
            executions += result.executions();
            distinct += result.distinctInterleavings();
            // replays are decided by the recorded decisions, not by a strategy: not part of the mix
            result.executionsByStrategy().forEach((spec, count) -> byStrategy.merge(kind(spec), count, Long::sum));
            if (result.stoppedByTimeBudget()) {
                budgetSpent = true;
            }
        }

        private ExplorationStatistics statistics() {
            return new ExplorationStatistics(scenarios, executions, distinct, byStrategy,
                    Duration.ofNanos(System.nanoTime() - start), budgetSpent, exhaustive, suppressed, warnings.headlines(),
                    notes);
        }

        /** A test that explored nothing never passes: it says nothing about the program. */
        private ExplorationResult nothingExplored() {
            return new ExplorationResult.Failed(statistics(), new FailureReport("nothing explored", plan.identity().displayName(), "",
                    List.of(new FailureReport.Section("Why", "no execution finished within the time budget of "
                            + settings.timeBudget().toMillis() + " ms; raise timeBudget (or weft.timeBudget), 0 for none")),
                    settings.seed(), Optional.empty()));
        }

        private ExplorationResult passed() {
            return new ExplorationResult.Passed(statistics());
        }

        private String token(Failure failure, byte[] scenario) {
            return ReplayToken.builder()
                    .mode(mode())
                    .seed(failure.seed())
                    .execution(failure.execution())
                    .jdkFeatureVersion(Runtime.version().feature())
                    .testHash(ReplayToken.testHash(plan.identity().uniqueId()))
                    .scenario(scenario)
                    .decisions(failure.decisions())
                    .build()
                    .encode();
        }

        /**
         * The finding as the exploration saw it — its verdict and what happened — with the paragraph
         * on nondeterminism in place of the interleaving its replay could not show.
         */
        private FailureReport notReplayed(Failure failure, List<FailureReport.Section> before, ReplayDivergenceException e,
                String location, byte[] scenario) {
            Outcome outcome = failure.outcome();
            List<FailureReport.Section> sections = new ArrayList<>(before);
            if (outcome instanceof Outcome.Rejected rejected) {
                sections.add(new FailureReport.Section("Why", rejected.details().stripTrailing()));
            } else if (!outcome.details().isBlank()) {
                sections.add(new FailureReport.Section("What happened", outcome.details().stripTrailing()));
            }
            sections.add(new FailureReport.Section(Nondeterminism.SECTION, Nondeterminism.replayDiverged(e)));
            return new FailureReport(outcome.headline(), plan.identity().displayName(), location, sections,
                    settings.seed(), Optional.of(token(failure, scenario)));
        }

        /** A replay token whose execution no longer runs as recorded. */
        private ExplorationResult tokenDiverged(ReplayToken token, ReplayDivergenceException e) {
            FailureReport report = new FailureReport("nondeterminism: the replay diverged at step " + e.step(),
                    plan.identity().displayName(), "execution " + (token.execution() + 1),
                    List.of(new FailureReport.Section(Nondeterminism.SECTION, Nondeterminism.replayDiverged(e))),
                    token.seed(), Optional.of(token.encode()));
            return new ExplorationResult.Failed(statistics(), report);
        }

        /** A bounded-exhaustive search that saw the program run differently under the same decisions. */
        private ExplorationResult searchDiverged(IllegalStateException e, String location) {
            FailureReport report = new FailureReport("nondeterminism: the same decisions gave different executions",
                    plan.identity().displayName(), location,
                    List.of(new FailureReport.Section("Why", Nondeterminism.searchDiverged(e))), settings.seed(),
                    Optional.empty());
            return new ExplorationResult.Failed(statistics(), report);
        }

        private FailureReport imperativeReport(Failure failure, ExecutionResult traced, String location) {
            Outcome outcome = traced.outcome().failed() ? traced.outcome() : failure.outcome();
            List<FailureReport.Section> sections = new ArrayList<>();
            if (!outcome.details().isBlank()) {
                sections.add(new FailureReport.Section("What happened", outcome.details().stripTrailing()));
            }
            FailureView view = FailureViews.of(outcome, traced, Optional.empty(), Optional.empty());
            sections.add(interleaving(traced, view));
            // the failure's own seed: a replay's token carries the seed of the run that recorded it
            return new FailureReport(outcome.headline(), plan.identity().displayName(), location, sections,
                    failure.seed(), Optional.of(token(failure, new byte[0])), Optional.of(view));
        }

        private <C> FailureReport scenarioReport(Form<C> form, ScenarioRun<C> run, int originalThreads, int originalSize,
                Failure failure, ExecutionResult traced, String location) {
            Scenario<C> shrunk = run.scenario;
            List<FailureReport.Section> sections = new ArrayList<>();
            String title = originalSize == shrunk.size()
                    ? "Scenario"
                    : "Scenario (shrunk from " + shape(originalThreads, originalSize) + " to "
                            + shape(shrunk.threads().size(), shrunk.size()) + ")";
            sections.add(new FailureReport.Section(title, run.resultTable(), FailureReport.Kind.SCENARIO));
            Outcome outcome = failure.outcome();
            if (outcome instanceof Outcome.Rejected rejected) {
                sections.add(new FailureReport.Section("Why", rejected.details().stripTrailing(), FailureReport.Kind.EXPLANATION));
                List<String> contract = run.contractLines();
                if (!contract.isEmpty()) {
                    sections.add(new FailureReport.Section("Contract", String.join("\n", contract)));
                }
            } else if (!outcome.details().isBlank()) {
                sections.add(new FailureReport.Section("What happened", outcome.details().stripTrailing()));
            }
            FailureView view = FailureViews.of(outcome, traced, Optional.of(run.resultCells()),
                    outcome instanceof Outcome.Rejected ? run.culpritCall() : Optional.empty());
            sections.add(interleaving(traced, view));
            return new FailureReport(outcome.headline(), plan.identity().displayName(), location, sections, failure.seed(),
                    Optional.of(token(failure, ScenarioCodec.encode(shrunk, originalThreads, originalSize, form.codec()))),
                    Optional.of(view));
        }

        /**
         * The interleaving's section; an execution that ended before its first scheduling point has none to
         * show, and says so.
         */
        private static FailureReport.Section interleaving(ExecutionResult traced, FailureView view) {
            if (traced.trace().isEmpty()) {
                return new FailureReport.Section("Interleaving", "none: the execution ended before its first scheduling point",
                        FailureReport.Kind.INTERLEAVING);
            }
            // the steps the page highlights stay on lines of their own (the page adds steps past the trace's end)
            java.util.Set<Integer> keep = new java.util.HashSet<>();
            view.highlights().keySet().stream().filter(i -> i < traced.trace().size()).forEach(keep::add);
            return new FailureReport.Section("Interleaving (" + plural(traced.switches(), "switch", "switches") + ")",
                    traced.renderTrace(keep).stripTrailing(), FailureReport.Kind.INTERLEAVING);
        }

        /** {@code 3 threads, 9 operations}. */
        private static String shape(int threads, int operations) {
            return plural(threads, "thread", "threads") + ", " + plural(operations, "operation", "operations");
        }

        private static String plural(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
