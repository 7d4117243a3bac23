package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Keeps the README's and the docs' samples true: every sample report in them is one that current Weft
 * prints, every sample test is the source that printed it.
 *
 * <p>In a Markdown file, a comment line marks the fenced block below it:
 *
 * <ul>
 *   <li>{@code <!-- weft-sample: examples/src/test/java/com/example/HashMapTest.java -->}: the block is
 *       that file, exactly;
 *   <li>{@code <!-- weft-report: com.example.HashMapTest#hashMap jdk=17 weft.races=off head=40 -->}: the
 *       block is the failure message of that test run with those {@code weft.*} keys (from this module's
 *       directory, as a user's build runs it). {@code jdk} is the JDK feature version the sample was
 *       printed on (traces show the JDK's own line numbers, tokens carry the version): on another JDK
 *       the block is not compared. {@code head=N} keeps the first N lines, then a line
 *       {@code … (the rest of the interleaving)}, then the last four lines (blank, seed, replay, page).
 * </ul>
 *
 * A report is checked by replaying the token it shows (with the marker's keys): a replay prints the
 * failure's report byte for byte, while a fresh exploration's shrinking has a time budget and may stop
 * at another failure on a loaded machine. An update explores afresh.
 *
 * Run with {@code -Dweft.docs=update} to rewrite every marked block from what Weft prints now:
 * {@code mvn -pl examples -am test -Dtest=DocSamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dweft.docs=update}.
 */
class DocSamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("<!-- weft-sample: (\\S+) -->");
    private static final Pattern REPORT = Pattern.compile("<!-- weft-report: (\\S+)#(\\S+)((?: \\S+=\\S*)*) -->");
    static final String ELISION = "… (the rest of the interleaving)";
    private static final Pattern TOKEN = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)");
    private static final int TAIL = 4;

    private static final Path ROOT = root();
    private static final boolean UPDATE = "update".equals(System.getProperty("weft.docs"));

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** One marked block: where it is, what it says now, and what it must say. */
    private record Block(Path document, int marker, int start, int end, String kind, String spec) {
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedSampleIsWhatWeftPrints() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int marked = 0;
        for (Path document : documents()) {
            List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
            List<Block> blocks = blocks(document, lines);
            marked += blocks.size();
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                int ordinal = i;
                String name = ROOT.relativize(document) + ":" + (block.marker() + 1) + " " + block.spec();
                tests.add(DynamicTest.dynamicTest(name, () -> check(document, ordinal)));
            }
        }
        assertThat(marked).as("marked samples in README.md and docs/").isGreaterThanOrEqualTo(4);
        return tests.stream();
    }

    private static List<Block> blocks(Path document, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String kind = SAMPLE.matcher(line).matches() ? "sample" : REPORT.matcher(line).matches() ? "report" : null;
            if (kind == null) {
                continue;
            }
            int open = i + 1;
            if (open >= lines.size() || !lines.get(open).startsWith("```")) {
                throw new IllegalStateException(document + ":" + (i + 1) + ": a weft-" + kind
                        + " marker must stand right above a fenced block, found: " + (open < lines.size() ? lines.get(open) : "the end"));
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            blocks.add(new Block(document, i, open + 1, close, kind, line.substring(line.indexOf(':') + 2, line.length() - 4)));
        }
        return blocks;
    }

    /** Checks (or updates) the document's {@code ordinal}-th marked block, found anew: an update may have moved it. */
    private static synchronized void check(Path document, int ordinal) throws Exception {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        Block block = blocks(document, lines).get(ordinal);
        String actual = String.join("\n", lines.subList(block.start(), block.end()));
        String expected;
        if (block.kind().equals("sample")) {
            expected = Files.readString(ROOT.resolve(block.spec()), StandardCharsets.UTF_8).stripTrailing();
        } else {
            Matcher matcher = REPORT.matcher("<!-- weft-report: " + block.spec() + " -->");
            assertThat(matcher.matches()).isTrue();
            Map<String, String> options = new LinkedHashMap<>();
            for (String option : matcher.group(3).strip().split(" ")) {
                if (!option.isEmpty()) {
                    options.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
                }
            }
            String jdk = options.remove("jdk");
            if (jdk == null) {
                throw new IllegalStateException(block.document() + ":" + (block.marker() + 1)
                        + ": a weft-report marker needs jdk=<the feature version it was printed on>");
            }
            int running = Runtime.version().feature();
            if (!UPDATE) {
                Assumptions.assumeTrue(Integer.parseInt(jdk) == running, "printed on JDK " + jdk + ", running on JDK "
                        + running + ": traces show the JDK's own line numbers and tokens carry the version");
            }
            String head = options.remove("head");
            Matcher token = TOKEN.matcher(actual);
            if (!UPDATE && token.find()) {
                // the sample's own failure, replayed: exact, whatever the load (shrinking has a time budget)
                options.put("weft.replay", token.group(1));
            }
            expected = shortened(report(matcher.group(1), matcher.group(2), options), head == null ? 0 : Integer.parseInt(head));
            if (UPDATE && Integer.parseInt(jdk) != running) {
                update(block, lines, expected, jdk, String.valueOf(running));
                return;
            }
        }
        if (UPDATE && !expected.equals(actual)) {
            update(block, lines, expected, null, null);
            return;
        }
        assertThat(actual).as("%s:%d differs from what Weft prints now (-Dweft.docs=update rewrites it)",
                ROOT.relativize(block.document()), block.start() + 1).isEqualTo(expected);
    }

    private static void update(Block block, List<String> lines, String text, String fromJdk, String toJdk) throws IOException {
        List<String> updated = new ArrayList<>(lines.subList(0, block.start()));
        if (fromJdk != null) {
            updated.set(block.marker(), lines.get(block.marker()).replace("jdk=" + fromJdk, "jdk=" + toJdk));
        }
        updated.addAll(Arrays.asList(text.split("\n", -1)));
        updated.addAll(lines.subList(block.end(), lines.size()));
        Files.write(block.document(), (String.join("\n", updated) + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.println("updated " + ROOT.relativize(block.document()) + ":" + (block.start() + 1));
    }

    /** The failure message of one test, run as a user's build runs it. */
    static String report(String className, String method, Map<String, String> configuration) throws ClassNotFoundException {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft")
                .selectors(selectMethod(Class.forName(className), method))
                .configurationParameter("weft.failures.store", "");
        configuration.forEach(builder::configurationParameter);
        return builder.execute().testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElseThrow(() -> new AssertionError(className + "#" + method + " did not fail"));
    }

    /** The report, or its first {@code head} lines, the elision line and its last lines. */
    static String shortened(String report, int head) {
        List<String> lines = Arrays.asList(report.split("\n", -1));
        if (head <= 0 || head + TAIL >= lines.size()) {
            return report;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, head));
        kept.add(ELISION);
        kept.addAll(lines.subList(lines.size() - TAIL, lines.size()));
        return String.join("\n", kept);
    }
}
