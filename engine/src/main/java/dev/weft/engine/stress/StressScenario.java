package dev.weft.engine.stress;

import dev.weft.engine.report.ScenarioTable;
import dev.weft.engine.runner.PreparedCall;
import dev.weft.engine.runner.ScenarioCodec;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.MapScenarioGenerator;
import dev.weft.engine.scenario.MapScenarioSpec;
import dev.weft.engine.scenario.Scenario;
import dev.weft.engine.scenario.ScenarioShape;
import dev.weft.models.check.Budget;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.history.History;
import dev.weft.models.model.MapContract;
import dev.weft.models.model.MapModel;
import dev.weft.scheduler.replay.ReplayToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map scenario made ready to run on real threads — under jcstress, for example — so that the
 * scenario Weft checked under its scheduler is checked on real hardware too: thread {@code i}'s calls
 * run on thread {@code i} ({@link StressRun#runThread}), each call timed with {@link System#nanoTime()},
 * and the linearizability checker judges the results against the model of the map's contract.
 *
 * <p>A scenario comes from a replay token of a map-form test ({@link #fromToken}: the scenario the
 * failure report shows, shrunk), from a map-form test's seed and scenario number ({@link #generated}),
 * or from a line of text ({@link #parse}, such as {@code thread 1: put(1, 1) | thread 2: put(2, 1);
 * size()}).
 *
 * <p>Immutable and thread-safe. Each run ({@link #newRun()}) records one execution; verdicts of equal
 * histories are computed once and remembered (a stress test repeats a handful of histories millions of
 * times), up to {@value #MAX_REMEMBERED} of them.
 */
public final class StressScenario {

    /** The most distinct histories whose verdicts a scenario remembers. */
    static final int MAX_REMEMBERED = 10_000;

    /** One check may take this long; a tiny scenario takes microseconds. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Scenario<MapCall> scenario;
    private final String origin;
    final PreparedCall[] calls;
    final int[] before;
    final int[][] threads;
    final int[] after;
    final Checker checker = Checker.withBudget(Budget.defaults().withTimeout(CHECK_TIMEOUT));
    final Map<String, String> outcomes = new ConcurrentHashMap<>();

    private StressScenario(Scenario<MapCall> scenario, String origin) {
        this.scenario = scenario;
        this.origin = origin;
        List<PreparedCall> all = new ArrayList<>();
        this.before = indices(all, scenario.before());
        this.threads = new int[scenario.threads().size()][];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = indices(all, scenario.threads().get(t));
        }
        this.after = indices(all, scenario.after());
        this.calls = all.toArray(new PreparedCall[0]);
    }

    private static int[] indices(List<PreparedCall> all, List<MapCall> calls) {
        int[] indices = new int[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            indices[i] = all.size();
            all.add(new PreparedCall(calls.get(i)));
        }
        return indices;
    }

    /** A scenario built in code; {@code origin} says where it came from, for reports. */
    public static StressScenario of(Scenario<MapCall> scenario, String origin) {
        return new StressScenario(scenario, origin);
    }

    /**
     * The scenario in a replay token of a map-form test, as printed on a failure report's {@code replay:}
     * line ({@code w1.…}; the {@code -Dweft.replay=} or {@code replay = "…"} around it, or the whole
     * line, may be left on).
     * The token's scenario is the one the report shows: shrunk, with the results of the failing
     * execution left out. The JDK the token was recorded on does not matter here.
     *
     * @throws IllegalArgumentException when the text is not a whole token, or a token of a test that is
     *     not map-form (which holds no map scenario); the message says which and what to paste instead
     */
    public static StressScenario fromToken(String token) {
        String text = unwrap(token);
        ReplayToken parsed;
        try {
            parsed = ReplayToken.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario token is unusable: " + e.getMessage()
                    + "; paste the whole token from the \"replay:\" line of a Weft failure report");
        }
        if (!parsed.mode().equals("map")) {
            throw new IllegalArgumentException("scenario token is a token of a test in mode " + parsed.mode()
                    + ", which holds no map scenario; use a token of a map-form test (a @ConcurrencyTest method"
                    + " returning a Map) or write the scenario as text, such as \"" + ScenarioText.EXAMPLE + "\"");
        }
        ScenarioCodec.Decoded<MapCall> decoded;
        try {
            decoded = ScenarioCodec.decodeMap(parsed.scenario());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario token is unusable: " + e.getMessage());
        }
        Scenario<MapCall> scenario = decoded.scenario();
        String origin = "scenario " + (scenario.index() + 1) + " of a Weft map-form test, seed " + parsed.seed();
        if (decoded.originalSize() != scenario.size() || decoded.originalThreads() != scenario.threads().size()) {
            origin += ", shrunk from " + shape(decoded.originalThreads(), decoded.originalSize()) + " to "
                    + shape(scenario.threads().size(), scenario.size());
        }
        return new StressScenario(scenario, origin + " (replay token " + abbreviate(text) + ")");
    }

    /**
     * Scenario {@code index} (from 0: a report's "scenario 30" is index 29) of a map-form test with the
     * given seed, spec and shape: the scenario Weft generated before any shrinking.
     */
    public static StressScenario generated(MapScenarioSpec spec, ScenarioShape shape, long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("scenario index must be at least 0, was " + index
                    + " (a report's \"scenario N\" is index N - 1)");
        }
        Scenario<MapCall> scenario = new MapScenarioGenerator(spec, shape).generate(seed, index);
        return new StressScenario(scenario, "scenario " + (index + 1) + " generated with seed " + seed + ", "
                + shape(shape.threads(), scenario.size()));
    }

    /**
     * A scenario written as text, such as {@code thread 1: put(1, 1) | thread 2: put(2, 1); size()};
     * optional parts {@code before: …} first and {@code after: …} last, calls separated by {@code ;}.
     *
     * @throws IllegalArgumentException naming the part or call that cannot be read, and how to write it
     */
    public static StressScenario parse(String text) {
        return new StressScenario(ScenarioText.parse(text), "scenario text");
    }

    /**
     * A replay token ({@link #fromToken}) when the text holds one (it starts with {@code w1.}, possibly
     * inside {@code -Dweft.replay=…}), else a scenario text ({@link #parse}).
     */
    public static StressScenario from(String tokenOrText) {
        String text = unwrap(tokenOrText);
        return text.matches("w\\d+\\..*") && !text.contains(":") ? fromToken(text) : parse(tokenOrText);
    }

    private static String unwrap(String token) {
        String text = token.strip();
        int flag = text.lastIndexOf("-Dweft.replay=");
        if (flag >= 0 && text.startsWith("replay:")) {
            // the whole replay line of a report: its last form is the bare token
            text = text.substring(flag);
        }
        for (String prefix : List.of("-Dweft.replay=", "@ConcurrencyTest(replay = \"", "replay = \"")) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        if (text.endsWith("\")")) {
            text = text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\"")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.strip();
    }

    private static String abbreviate(String token) {
        return token.length() <= 24 ? token : token.substring(0, 20) + "…";
    }

    private static String shape(int threads, int operations) {
        return threads + (threads == 1 ? " thread, " : " threads, ") + operations
                + (operations == 1 ? " operation" : " operations");
    }

    /**
     * The contract whose model judges results of {@code map}: {@code navigable-map} for a {@link
     * java.util.NavigableMap}, {@code concurrent-map} for a {@link java.util.concurrent.ConcurrentMap},
     * {@code map} otherwise — as for a map-form test returning that type.
     */
    public static MapContract contractOf(Map<?, ?> map) {
        return MapScenarioSpec.contractOf(map.getClass());
    }

    /** The scenario. */
    public Scenario<MapCall> scenario() {
        return scenario;
    }

    /** Where the scenario came from, such as {@code scenario 30 of a Weft map-form test, seed 1, shrunk …}. */
    public String origin() {
        return origin;
    }

    /** The number of parallel threads. */
    public int threads() {
        return threads.length;
    }

    /** The scenario as one line of text, which {@link #parse} reads back. */
    public String text() {
        return ScenarioText.format(scenario);
    }

    /** The scenario as the tables of a Weft report, without results. */
    public String table() {
        return ScenarioTable.render(ScenarioTable.cells(scenario, MapCall::render));
    }

    /** A new run: one execution of the scenario, on one fresh map. */
    public StressRun newRun() {
        return new StressRun(this, System::nanoTime);
    }

    /** Checks a history of this scenario, uncached. */
    CheckResult check(History history, MapContract contract) {
        return checker.check(history, MapModel.of(contract));
    }

    @Override
    public String toString() {
        return text();
    }
}
