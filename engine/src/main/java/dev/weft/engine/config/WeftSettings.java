package dev.weft.engine.config;

/**
 * Every configuration key of Weft, each with its default and meaning.
 *
 * <p>Keys are read from the JUnit Platform's configuration parameters, which cover launcher
 * parameters, system properties ({@code -Dweft.seed=42}) and {@code junit-platform.properties} on the
 * test class path, in that order of precedence. They are parsed once per run into a {@link
 * WeftConfiguration}; a bad value fails every Weft test of the run with a message naming the key, the
 * value and the remedy. Attributes of {@link dev.weft.api.ConcurrencyTest} take precedence over these
 * keys, which take precedence over the built-in defaults.
 *
 * <p>The controlled runtime's keys ({@code weft.workers}, {@code weft.driver}, …) are set the same
 * ways and listed in {@link dev.weft.scheduler.runtime.RuntimeSettings}; the engine hands its
 * configuration parameters to the runtime before it starts it.
 */
public final class WeftSettings {

    /**
     * The seed of every test that does not set {@code seed}: a non-negative decimal number. Default:
     * unset, each test draws a fresh seed and prints it.
     */
    public static final String SEED = "weft.seed";

    /**
     * A replay token printed by a failed run. It applies to the test it was recorded for, which then
     * runs exactly that execution; other tests run normally. Default: unset.
     */
    public static final String REPLAY = "weft.replay";

    /** Executions per scenario (map and object forms) or per test (imperative form): at least 1. Default 200. */
    public static final String SCHEDULES_DEFAULT = "weft.schedules.default";

    /** Scenarios per map-form or object-form test: at least 1. Default 50. */
    public static final String SCENARIOS_DEFAULT = "weft.scenarios.default";

    /**
     * The strategy of tests that do not choose one: {@code RANDOM}, {@code PCT}, {@code POS}, {@code
     * EXHAUSTIVE} or {@code PORTFOLIO}, in any case. Default {@code PORTFOLIO}.
     */
    public static final String STRATEGY_DEFAULT = "weft.strategy.default";

    /**
     * Scheduling points after which one execution of a test that does not set {@code maxSteps} ends in
     * a hang verdict: a whole number of at least 1. Default 10000000.
     */
    public static final String MAX_STEPS = "weft.maxSteps";

    /** Most preemptions per execution of the exhaustive strategy: at least 0. Default 2. */
    public static final String PREEMPTION_BOUND_DEFAULT = "weft.preemptionBound.default";

    /**
     * Wall-clock budget of one test's exploration; when spent, the test passes and reports what it
     * explored. Seconds ({@code 30}), a number with a unit {@code ms}, {@code s}, {@code m} or {@code h}
     * ({@code 1500ms}), or ISO-8601 ({@code PT30S}); {@code 0} means no budget. Default {@code 30s}.
     */
    public static final String TIME_BUDGET = "weft.timeBudget";

    /**
     * This machine's share of every exploration, {@code i/N} with {@code 0 <= i < N}: the scenarios
     * (map and object forms) or executions (imperative form) whose index is {@code i} modulo {@code N}.
     * Run {@code 0/N} to {@code N-1/N} on N machines with the same seed and together they explore
     * exactly what one unsharded run explores. Default {@code 0/1}: everything.
     */
    public static final String SHARD = "weft.shard";

    /**
     * Directory of the failure store: the replay token of each failed test, replayed first on the next
     * run. Relative to the working directory. An empty value turns the store off. Default {@code
     * target/weft/failures}.
     */
    public static final String FAILURES_STORE = "weft.failures.store";

    /**
     * Directory of the HTML pages of failed tests: one self-contained page per failed test,
     * {@code <test class>.<method>.html}, whose path the failure message prints, and {@code index.html}
     * linking them all. Relative to the working directory. An empty value writes no pages. Default
     * {@code target/weft/reports}.
     */
    public static final String REPORTS = "weft.reports";

    /**
     * What a data race found by the race detector does: {@code fail} the test, {@code warn} (report it
     * and pass) or {@code off} (do not look). Default {@code fail}.
     */
    public static final String RACES = "weft.races";

    /**
     * Races not to report: a comma-separated list of fields ({@code com.example.Cache.hits}), classes
     * ({@code com.example.Cache}) or packages ({@code com.example.*}). Default: empty.
     */
    public static final String RACES_SUPPRESS = "weft.races.suppress";

    /**
     * Classes whose static state persists from one execution to the next (expensive singletons); every
     * other application class starts each execution from a fresh JVM's statics. A comma-separated list
     * of classes ({@code com.example.Registry}, nested ones as {@code com.example.Outer$Inner}) or
     * packages ({@code com.example.*}). Default: empty. {@code @ConcurrencyTest(freshStatics = false)}
     * keeps every class's statics in one test.
     */
    public static final String STATICS_KEEP = "weft.statics.keep";

    /** Whether a failure is shrunk to fewer operations, threads and switches: {@code true} or {@code false}. Default {@code true}. */
    public static final String SHRINK = "weft.shrink";

    /**
     * How often a long exploration prints a progress line, as a duration like {@link #TIME_BUDGET};
     * {@code 0} turns progress lines off. Default {@code 5s}.
     */
    public static final String PROGRESS_INTERVAL = "weft.progress.interval";

    /**
     * Whether each test prints one summary line on standard output when it ends (seed, strategy mix,
     * executions, distinct interleavings, time, how the exploration ended): {@code true} or {@code
     * false}. Surefire's and Failsafe's XML reports drop the report entries that carry the same, but keep
     * what a test prints as its {@code system-out}, which CI servers show. Default {@code true}.
     */
    public static final String SUMMARY_STDOUT = "weft.summary.stdout";

    private WeftSettings() {
    }
}
