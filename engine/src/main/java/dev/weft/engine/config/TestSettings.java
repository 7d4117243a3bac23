package dev.weft.engine.config;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.Strategy;
import dev.weft.scheduler.strategy.Shard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The settings of one test, resolved once: the annotation's attribute, else the {@code weft.*} key,
 * else the built-in default. Immutable.
 *
 * @param strategy the strategy, never {@link Strategy#DEFAULT}
 * @param seed the seed of every random choice of the test
 * @param seedSource where the seed came from
 * @param replay the replay to run instead of an exploration, if any
 * @param scenarios scenarios to generate (map and object forms)
 * @param schedules executions per scenario, or per imperative test
 * @param preemptionBound most preemptions per exhaustive execution
 * @param timeBudget wall-clock budget of the exploration; zero = none
 * @param shard this machine's share of the exploration
 * @param races what a data race does
 * @param racesSuppress races not to report
 * @param shrink whether a failure is shrunk
 * @param progressInterval period of progress lines; zero = none
 * @param maxSteps scheduling points after which one execution is a hang
 * @param freshStatics whether each execution starts from a fresh JVM's statics
 * @param staticsKeep classes (or {@code package.*}) whose statics persist across executions
 */
public record TestSettings(
        Strategy strategy,
        long seed,
        SeedSource seedSource,
        Optional<ReplayRequest> replay,
        int scenarios,
        int schedules,
        int preemptionBound,
        Duration timeBudget,
        Shard shard,
        RaceMode races,
        List<String> racesSuppress,
        boolean shrink,
        Duration progressInterval,
        long maxSteps,
        boolean freshStatics,
        List<String> staticsKeep) {

    /** Copies the list and checks that the strategy is resolved. */
    public TestSettings {
        racesSuppress = List.copyOf(racesSuppress);
        staticsKeep = List.copyOf(staticsKeep);
        if (strategy == Strategy.DEFAULT) {
            throw new IllegalArgumentException("strategy must be resolved, was DEFAULT");
        }
    }

    /**
     * Resolves the settings of one test.
     *
     * @param annotation the test's annotation, already validated
     * @param seed the annotation's parsed seed, if set
     * @param timeBudget the annotation's parsed time budget, if set
     * @param configuration the run's configuration
     * @param freshSeeds draws a fresh seed when neither the annotation nor the configuration sets one
     */
    public static TestSettings resolve(ConcurrencyTest annotation, OptionalLong seed, Optional<Duration> timeBudget,
            WeftConfiguration configuration, LongSupplier freshSeeds) {
        long resolvedSeed;
        SeedSource source;
        if (seed.isPresent()) {
            resolvedSeed = seed.getAsLong();
            source = SeedSource.ANNOTATION;
        } else if (configuration.seed().isPresent()) {
            resolvedSeed = configuration.seed().getAsLong();
            source = SeedSource.CONFIGURATION;
        } else {
            resolvedSeed = freshSeeds.getAsLong() & Long.MAX_VALUE;
            source = SeedSource.FRESH;
        }
        Optional<ReplayRequest> replay = annotation.replay().isEmpty()
                ? configuration.replay().map(token -> new ReplayRequest(token, true))
                : Optional.of(new ReplayRequest(annotation.replay(), false));
        return new TestSettings(
                annotation.strategy() == Strategy.DEFAULT ? configuration.strategyDefault() : annotation.strategy(),
                resolvedSeed,
                source,
                replay,
                orConfigured(annotation.scenarios(), configuration.scenariosDefault()),
                orConfigured(annotation.schedules(), configuration.schedulesDefault()),
                orConfigured(annotation.preemptionBound(), configuration.preemptionBoundDefault()),
                timeBudget.orElse(configuration.timeBudget()),
                configuration.shard(),
                configuration.races(),
                configuration.racesSuppress(),
                configuration.shrink(),
                configuration.progressInterval(),
                annotation.maxSteps() == ConcurrencyTest.CONFIGURED ? configuration.maxStepsDefault() : annotation.maxSteps(),
                annotation.freshStatics(),
                configuration.staticsKeep());
    }

    private static int orConfigured(int value, int configured) {
        return value == ConcurrencyTest.CONFIGURED ? configured : value;
    }
}
