package dev.weft.engine.stress;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Java source of one jcstress test that runs a {@link StressScenario} on real threads: one
 * {@code @Actor} per scenario thread, the before part in the state's constructor, the after part and
 * the linearizability check in the {@code @Arbiter}, whose result is the run's {@linkplain
 * StressRun#outcome outcome line}. {@code LINEARIZABLE} outcomes are acceptable; {@code
 * NOT_LINEARIZABLE} ones are {@code FORBIDDEN} for a map that should be linearizable (the jcstress run
 * fails) and {@code ACCEPTABLE_INTERESTING} for a map that is known to be buggy.
 *
 * <p>The source only names jcstress's annotations and result class: Weft itself does not depend on
 * jcstress; the project that compiles the source does.
 *
 * @param packageName the test's package
 * @param className the test's simple name
 * @param scenarioSource what {@link StressScenario#from} reads: a replay token or a scenario text
 * @param mapExpression a Java expression that makes a fresh {@code Map<Integer, Integer>}, such as
 *     {@code new java.util.HashMap<>()}
 * @param expectation whether a not-linearizable outcome fails the test
 * @param description a sentence on what the test shows, or empty
 * @param specFile where the test was declared, for the generated comment, or empty
 */
public record JcstressTestSource(String packageName, String className, String scenarioSource, String mapExpression,
        Expectation expectation, String description, String specFile) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    /** What a not-linearizable outcome means for the test. */
    public enum Expectation {
        /** The map should be linearizable: a {@code NOT_LINEARIZABLE} outcome is {@code FORBIDDEN}. */
        LINEARIZABLE,
        /** The map is known to be buggy: {@code NOT_LINEARIZABLE} is {@code ACCEPTABLE_INTERESTING}. */
        BUG;

        /**
         * {@code linearizable} or {@code bug}, as a spec file writes it.
         *
         * @throws IllegalArgumentException naming the value when it is neither
         */
        public static Expectation named(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "linearizable" -> LINEARIZABLE;
                case "bug" -> BUG;
                default -> throw new IllegalArgumentException("expect must be \"linearizable\" (a fixed map: a"
                        + " NOT_LINEARIZABLE outcome fails the run) or \"bug\" (a buggy map: it is interesting), was \""
                        + name.strip() + "\"");
            };
        }
    }

    /** Checks the names and the map expression's shape; the scenario is checked when rendered. */
    public JcstressTestSource {
        Objects.requireNonNull(expectation, "expectation");
        if (!QUALIFIED.matcher(packageName).matches()) {
            throw new IllegalArgumentException("package must be a Java package name, was \"" + packageName + "\"");
        }
        if (!IDENTIFIER.matcher(className).matches()) {
            throw new IllegalArgumentException("test class name must be a Java identifier, was \"" + className
                    + "\"; name the spec file like a class, such as StripedMapClearTest.properties");
        }
        mapExpression = mapExpression.strip();
        if (mapExpression.isEmpty()) {
            throw new IllegalArgumentException("map must be a class name or a Java expression that makes a fresh"
                    + " Map<Integer, Integer>, was empty; for example \"java.util.HashMap\" or \"new"
                    + " com.example.StripedMap<>(4)\"");
        }
        if (QUALIFIED.matcher(mapExpression).matches()) {
            mapExpression = "new " + mapExpression + "<>()";
        }
        description = description.strip();
        specFile = specFile.strip();
    }

    /** The test's source file, relative to a source root: {@code dev/weft/…/Name.java}. */
    public String path() {
        return packageName.replace('.', '/') + "/" + className + ".java";
    }

    /**
     * The Java source.
     *
     * @throws IllegalArgumentException when the scenario cannot be read
     */
    public String render() {
        StressScenario scenario = StressScenario.from(scenarioSource);
        boolean bug = expectation == Expectation.BUG;
        StringBuilder out = new StringBuilder();
        out.append("package ").append(packageName).append(";\n\n");
        out.append("import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;\n");
        out.append("import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;\n");
        if (!bug) {
            out.append("import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;\n");
        }
        out.append("\n");
        out.append("import dev.weft.engine.stress.StressRun;\n");
        out.append("import dev.weft.engine.stress.StressScenario;\n");
        out.append("import java.util.Map;\n");
        out.append("import org.openjdk.jcstress.annotations.Actor;\n");
        out.append("import org.openjdk.jcstress.annotations.Arbiter;\n");
        out.append("import org.openjdk.jcstress.annotations.Description;\n");
        out.append("import org.openjdk.jcstress.annotations.JCStressTest;\n");
        out.append("import org.openjdk.jcstress.annotations.Outcome;\n");
        out.append("import org.openjdk.jcstress.annotations.State;\n");
        out.append("import org.openjdk.jcstress.infra.results.L_Result;\n\n");

        out.append("/*\n");
        out.append(" * Generated by Weft's jcstress bridge").append(specFile.isEmpty() ? "" : " from " + specFile)
                .append("; edit that, not this.\n");
        if (!description.isEmpty()) {
            out.append(" *\n");
            wrap(out, description);
        }
        out.append(" *\n * Map: ").append(comment(mapExpression)).append('\n');
        wrap(out, "Scenario: " + scenario.origin() + ":");
        for (String line : scenario.table().split("\n")) {
            out.append(" *   ").append(comment(line)).append('\n');
        }
        out.append(" *\n");
        out.append(" * Each thread's calls run on their own thread, timed with System.nanoTime; the arbiter runs the\n");
        out.append(" * after part and checks the history for linearizability against the model of the map's\n");
        out.append(" * contract. The outcome is the verdict, then each thread's results (\"before …\" and \"after …\"\n");
        out.append(" * for the sequential parts), such as \"NOT_LINEARIZABLE: null | null, 1\".\n");
        out.append(" *\n");
        out.append(" * Expect: ").append(bug
                ? "LINEARIZABLE outcomes mostly; NOT_LINEARIZABLE ones, if the hardware shows the bug, are interesting."
                : "LINEARIZABLE outcomes only; a NOT_LINEARIZABLE one is FORBIDDEN and fails the run.").append('\n');
        out.append(" */\n");
        out.append("@JCStressTest\n");
        out.append("@Description(").append(literal(description.isEmpty()
                ? "Weft scenario on real threads: " + scenario.text()
                : description)).append(")\n");
        out.append("@Outcome(id = \"LINEARIZABLE: .*\", expect = ACCEPTABLE, desc = \"Some order of the calls that"
                + " respects real time explains every result.\")\n");
        out.append("@Outcome(id = \"NOT_LINEARIZABLE: .*\", expect = ").append(bug ? "ACCEPTABLE_INTERESTING" : "FORBIDDEN")
                .append(", desc = ").append(literal(bug
                        ? "No order of the calls explains the results: the bug, on real hardware."
                        : "No order of the calls explains the results: the map is not linearizable."))
                .append(")\n");
        out.append("@Outcome(id = \"UNKNOWN: .*\", expect = ACCEPTABLE_INTERESTING, desc = \"The checker's budget ran"
                + " out before it could decide.\")\n");
        out.append("@State\n");
        out.append("public class ").append(className).append(" {\n\n");
        out.append("    static final StressScenario SCENARIO = StressScenario.from(\n");
        out.append("            ").append(literal(scenarioSource.strip())).append(");\n\n");
        out.append("    private final Map<Integer, Integer> map = ").append(mapExpression).append(";\n");
        out.append("    private final StressRun run = SCENARIO.newRun();\n\n");
        out.append("    public ").append(className).append("() {\n");
        out.append("        run.runBefore(map);\n");
        out.append("    }\n");
        for (int thread = 1; thread <= scenario.threads(); thread++) {
            out.append("\n    /** ").append(comment(callsOf(scenario, thread))).append(" */\n");
            out.append("    @Actor\n");
            out.append("    public void thread").append(thread).append("() {\n");
            out.append("        run.runThread(").append(thread).append(", map);\n");
            out.append("    }\n");
        }
        out.append("\n    @Arbiter\n");
        out.append("    public void check(L_Result r) {\n");
        out.append("        run.runAfter(map);\n");
        out.append("        r.r1 = run.outcome(map);\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    private static String callsOf(StressScenario scenario, int thread) {
        StringBuilder calls = new StringBuilder("Thread ").append(thread).append(": ");
        var list = scenario.scenario().threads().get(thread - 1);
        for (int i = 0; i < list.size(); i++) {
            calls.append(i == 0 ? "" : "; ").append(list.get(i).render());
        }
        return calls.append('.').toString();
    }

    private static void wrap(StringBuilder out, String text) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > 96) {
                out.append(" * ").append(comment(line.toString())).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.append(" * ").append(comment(line.toString())).append('\n');
        }
    }

    /** Text that can neither end a comment nor start a unicode escape in it. */
    private static String comment(String text) {
        return text.replace("*/", "* /").replace("\\u", "\\ u");
    }

    /** A Java string literal. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
