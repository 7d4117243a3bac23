package dev.weft.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.ReportFixtures;
import dev.weft.engine.fixtures.RuntimeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The failure pages in a real headless Chromium: real failures of real tests written as pages, loaded
 * from disk, checked as rendered (lanes, highlighted steps, the culprit call, folds that open and
 * close when clicked, escaped markup, the copy button, the index's links).
 *
 * <p>Skips with the reason when no Chromium is installed, unless {@code -Dweft.browserTest=required}
 * (CI), which fails instead. {@code -Dweft.screenshot=docs/report-page.png} also saves a screenshot of
 * the map-form page.
 */
class FailurePageBrowserTest {

    @TempDir
    static Path pages;

    private static HeadlessChromium chromium;
    private static String imperativeReport;
    private static String mapReport;
    private static String assertjReport;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        if (executable.isEmpty()) {
            String reason = "no chromium found (set WEFT_CHROMIUM, or install Debian's chromium: apt-get install -y chromium)";
            if ("required".equals(System.getProperty("weft.browserTest"))) {
                throw new IllegalStateException(reason + "; -Dweft.browserTest=required makes this test mandatory");
            }
            Assumptions.abort(reason);
        }
        imperativeReport = failure(ReportFixtures.class, "hashMapWithMarkupInTheMessage", "weft.races", "off", "weft.seed", "11");
        mapReport = failure(RuntimeFixtures.class, "hashMap", "weft.races", "off");
        assertjReport = failure(ReportFixtures.class, "assertjOnAListAfterALostUpdate", "weft.races", "off");
        chromium = HeadlessChromium.start(executable.get());
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static String failure(Class<?> testClass, String method, String... config) {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft").selectors(selectMethod(testClass, method))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.reports", pages.toString());
        for (int i = 0; i < config.length; i += 2) {
            builder.configurationParameter(config[i], config[i + 1]);
        }
        return builder.execute().testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }

    private static Path page(String report) {
        Matcher matcher = Pattern.compile("\nhtml report: (.+)$").matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        Path page = Path.of(matcher.group(1));
        assertThat(page).exists();
        return page;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @Test
    void imperativePage_lanesHighlightsAndEscapedMarkup() throws Exception {
        chromium.load(page(imperativeReport));

        assertThat(chromium.eval("[...document.querySelectorAll('th.lane-head')].map(th => th.textContent)"))
                .isEqualTo(List.of("thread 0", "thread 1"));
        assertThat(chromium.eval("document.querySelector('h1 .test').textContent"))
                .isEqualTo("ReportFixtures.hashMapWithMarkupInTheMessage");
        // the user's markup is text on the page, never a script that ran
        assertThat(chromium.eval("typeof window.weftPwned")).isEqualTo("undefined");
        assertThat(chromium.eval("document.querySelectorAll('script').length")).isEqualTo(1.0);
        assertThat((String) chromium.eval("document.querySelector('h1').textContent"))
                .contains("lost entry <script>window.weftPwned = 2</script>");
        // the exception that ended thread 0 is the highlighted failing step, in thread 0's lane
        Object culprit = chromium.eval("(function(){var r=document.querySelector('tr.event.culprit');"
                + "return r && {thread: r.dataset.thread, text: r.innerText, visible: r.offsetParent !== null};})()");
        assertThat(culprit).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) culprit).get("thread")).isEqualTo("0");
        assertThat((String) ((Map<?, ?>) culprit).get("text")).contains("throws java.lang.AssertionError: lost entry");
        assertThat(((Map<?, ?>) culprit).get("visible")).isEqualTo(true);
        // a JDK step shows the user's line first
        assertThat((String) chromium.eval("document.querySelector('tr.event.in-jdk td.lane .src.user').textContent"))
                .startsWith("ReportFixtures.java:");
        // the text report is there as printed, markup escaped
        assertThat((String) chromium.eval("document.querySelector('#text pre').textContent"))
                .isEqualTo(imperativeReport.substring(0, imperativeReport.lastIndexOf("\nhtml report: ")));
    }

    @Test
    void foldsOpenAndCloseWhenClicked() throws Exception {
        chromium.load(page(imperativeReport));
        long folds = number(chromium.eval("document.querySelectorAll('button.fold-toggle').length"));
        assertThat(folds).as("JDK steps folded").isPositive();
        String visibleMembers = "[...document.querySelectorAll('tr[data-fold-member=\"1\"]')].filter(r => r.offsetParent !== null).length";
        long members = number(chromium.eval("document.querySelectorAll('tr[data-fold-member=\"1\"]').length"));
        assertThat(members).isGreaterThanOrEqualTo(FailurePage.FOLD_MIN);
        assertThat(number(chromium.eval(visibleMembers))).as("folded until opened").isZero();

        chromium.click("button.fold-toggle[data-fold=\"1\"]");
        assertThat(number(chromium.eval(visibleMembers))).as("opened by a click").isEqualTo(members);
        assertThat(chromium.eval("document.querySelector('button.fold-toggle[data-fold=\"1\"]').getAttribute('aria-expanded')"))
                .isEqualTo("true");
        assertThat((String) chromium.eval("document.querySelector('tr[data-fold-member=\"1\"] .src.jdk').textContent"))
                .matches("[A-Za-z]+\\.java:\\d+");

        chromium.click("button.fold-toggle[data-fold=\"1\"]");
        assertThat(number(chromium.eval(visibleMembers))).as("folded again by a second click").isZero();

        chromium.click("#open-all");
        assertThat(number(chromium.eval("[...document.querySelectorAll('tr[data-fold-member]')].filter(r => r.offsetParent === null).length")))
                .as("every step visible").isZero();
    }

    @Test
    void anAssertionLibrarysSteps_foldIntoOneRow_thatOpensWhenClicked() throws Exception {
        chromium.load(page(assertjReport));
        Object fold = chromium.eval("(function(){var b=document.querySelector('tr.fold.library button.fold-toggle');"
                + "return b && {id: b.dataset.fold, text: b.textContent, thread: b.closest('td').className};})()");
        assertThat(fold).as("a library fold").isInstanceOf(Map.class);
        String id = (String) ((Map<?, ?>) fold).get("id");
        assertThat((String) ((Map<?, ?>) fold).get("text"))
                .matches("▸ \\d+ steps inside org\\.assertj \\(containsExactly at ReportFixtures\\.java:\\d+\\)");
        assertThat(((Map<?, ?>) fold).get("thread")).isEqualTo("lane t0");
        String members = "[...document.querySelectorAll('tr[data-fold-member=\"" + id + "\"]')]";
        assertThat(number(chromium.eval(members + ".filter(r => r.offsetParent !== null).length"))).as("folded").isZero();

        chromium.click("button.fold-toggle[data-fold=\"" + id + "\"]");
        assertThat(number(chromium.eval(members + ".filter(r => r.offsetParent === null).length"))).as("all opened").isZero();
        // each step names the user's line, not AssertJ's
        assertThat(chromium.eval(members + ".map(r => r.querySelector('.src.user').textContent)"
                + ".filter(t => !/^ReportFixtures\\.java:\\d+$/.test(t)).length")).isEqualTo(0.0);
    }

    @Test
    void mapPage_scenarioCulpritExplanationAndReplay() throws Exception {
        Path page = page(mapReport);
        chromium.load(page);

        assertThat(chromium.eval("[...document.querySelectorAll('th.lane-head')].map(th => th.textContent)"))
                .isEqualTo(List.of("thread 0", "thread 1", "thread 2"));
        // the call the checker cannot place: highlighted in the scenario and in its lane
        String stuck = mapReport.replaceAll("(?s).*cannot place next: thread (\\d+): (.+?) -> (\\S+) \\(events.*", "$1|$2: $3");
        String[] parts = stuck.split("\\|");
        assertThat((String) chromium.eval("document.querySelector('table.scenario td.culprit').textContent")).isEqualTo(parts[1]);
        assertThat(chromium.eval("[...document.querySelectorAll('tr.event.culprit')].map(r => r.dataset.thread + ' ' + r.querySelector('.step').textContent)"))
                .isEqualTo(List.of(parts[0] + " " + parts[1].substring(0, parts[1].indexOf(": ")), parts[0] + " " + parts[1]));
        assertThat((String) chromium.eval("document.querySelector('#why pre').textContent")).contains("cannot place next: thread ");
        assertThat(number(chromium.eval("document.querySelectorAll('tr.switch').length"))).isPositive();
        // the replay line and its copy button carry the report's token
        Matcher token = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)").matcher(mapReport);
        assertThat(token.find()).isTrue();
        assertThat(chromium.eval("document.querySelector('button.copy').dataset.copy")).isEqualTo(token.group(1));
        assertThat((String) chromium.eval("document.getElementById('replay-line').textContent")).endsWith(token.group(1));
        chromium.click("button.copy");
        Thread.sleep(200);
        assertThat(chromium.eval("document.querySelector('button.copy').textContent")).isIn("Copied", "Select and copy the line");

        String screenshot = System.getProperty("weft.screenshot", "");
        if (!screenshot.isEmpty()) {
            chromium.load(page);
            long height = Math.min(2400, number(chromium.eval("document.getElementById('replay').offsetTop + 40")));
            chromium.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            Files.write(Path.of(screenshot), chromium.screenshot());
        }
    }

    @Test
    void indexPage_linksEveryFailureOfTheRun() throws Exception {
        Path index = page(mapReport).resolveSibling(ReportPages.INDEX);
        chromium.load(index);

        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) chromium.eval("[...document.querySelectorAll('table.index a')].map(a => a.textContent)");
        assertThat(links).contains("RuntimeFixtures.hashMap", "ReportFixtures.hashMapWithMarkupInTheMessage");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) chromium.eval("[...document.querySelectorAll('table.index a')].map(a => a.getAttribute('href'))");
        for (String target : targets) {
            assertThat(index.resolveSibling(target)).exists();
        }
        chromium.click("table.index a");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!((String) chromium.eval("location.href")).endsWith(targets.get(0))
                || !"complete".equals(chromium.eval("document.readyState"))) {
            assertThat(System.nanoTime()).as("the link opens its page").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat((String) chromium.eval("document.title")).startsWith("Weft: ");
    }
}
