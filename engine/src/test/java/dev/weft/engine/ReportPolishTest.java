package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What a failure report shows: values, names and stacks as the user's code reads them; replays byte for byte. */
class ReportPolishTest {

    @TempDir
    Path pages;

    private EngineExecutionResults run(String method, String... config) {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft")
                .selectors(selectMethod(ReportFixtures.class, method))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.reports", pages.toString());
        for (int i = 0; i < config.length; i += 2) {
            builder.configurationParameter(config[i], config[i + 1]);
        }
        return builder.execute();
    }

    static String failureMessage(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }

    static String token(String report) {
        Matcher matcher = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)").matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        return matcher.group(1);
    }

    @Test
    void booleansAndChars_readAsTheSourceWritesThem() {
        String report = failureMessage(run("booleanFlag"));

        assertThat(report).contains("ReportFixtures$Flag#1.ready ➜ false  ReportFixtures.java:")
                .contains("ReportFixtures$Flag#1.grade ➜ 'a'  ReportFixtures.java:")
                .doesNotContain("ready ➜ 0").doesNotContain("grade ➜ 97");
    }

    @Test
    void aClassMonitor_isNamedByItsClass() {
        String report = failureMessage(run("classMonitorOnOneSide"));

        assertThat(report).contains("| lock ReportFixtures.class  ReportFixtures.java:")
                .contains("thread 1 held ReportFixtures.class, thread 0 held no lock")
                .doesNotContain("Class#");
    }

    @Test
    void userStacks_showNoFrameOfWeftOrOfTheJvmsPlumbing() {
        String report = failureMessage(run("failsInAThread"));

        assertThat(report).contains("What happened:\n    at dev.weft.engine.fixtures.ReportFixtures.lambda$failsInAThread$")
                .doesNotContain("dev.weft.engine.runner").doesNotContain("dev.weft.scheduler")
                .doesNotContain("java.lang.invoke").doesNotContain("java.lang.Thread.run");
        String race = failureMessage(run("hashMapWithMarkupInTheMessage"));
        assertThat(race).contains("at dev.weft.engine.fixtures.ReportFixtures.hashMapWithMarkupInTheMessage(ReportFixtures.java:")
                .doesNotContain("ControlledExplorer").doesNotContain("LambdaForm");
    }

    @Test
    void aFailureBeforeAnyStep_showsItsCause_andSaysThatThereIsNoInterleaving() {
        String report = failureMessage(run("failsBeforeAnyStep"));

        assertThat(report).startsWith("Weft: exception in thread 0: java.lang.IllegalStateException: could not start")
                .contains("\n\nWhat happened:\n    at dev.weft.engine.fixtures.ReportFixtures.failsBeforeAnyStep(ReportFixtures.java:")
                .contains("\n  caused by: java.lang.IllegalArgumentException: no such setting\n"
                        + "    at dev.weft.engine.fixtures.ReportFixtures.rootCause(ReportFixtures.java:")
                .contains("\n\nInterleaving: none: the execution ended before its first scheduling point\n\nseed = ")
                .doesNotContain("0 switches");
    }

    @Test
    void stepsAnAssertionLibraryMade_foldIntoOneLine_namingTheUsersLine() throws Exception {
        String report = failureMessage(run("assertjOnAListAfterALostUpdate", "weft.races", "off"));

        Matcher fold = Pattern.compile("\\| … (\\d+) steps inside org\\.assertj \\(containsExactly at ReportFixtures\\.java:(\\d+)\\)")
                .matcher(report);
        assertThat(fold.find()).as(report).isTrue();
        assertThat(Integer.parseInt(fold.group(1))).as(report).isGreaterThan(20);
        // no step of AssertJ's own is shown, nor a line of its classes
        assertThat(report).as(report).doesNotContain("via StandardRepresentation").doesNotContain("via Iterables")
                .doesNotContain("via AbstractIterableAssert").containsOnlyOnce("steps inside org.assertj");
        // the user's own steps are there: the lost update, each side of it
        assertThat(report).contains("AtomicInteger#1.value = 1  AtomicInteger.java:");

        String page = Files.readString(pages.resolve("dev.weft.engine.fixtures.ReportFixtures.assertjOnAListAfterALostUpdate.html"));
        assertThat(page).contains("<tr class=\"fold library\" data-fold=\"")
                .contains("\">▸ " + fold.group(1) + " steps inside org.assertj (containsExactly at ReportFixtures.java:"
                        + fold.group(2) + ")</button>")
                .contains("data-fold-member=");
    }

    @Test
    void aJdkStep_showsTheUsersLineThatLedThere_onceForEachRunOfSteps() {
        String report = failureMessage(run("hashMapWithMarkupInTheMessage", "weft.races", "off", "weft.seed", "11"));

        Matcher via = Pattern.compile("HashMap\\.java:\\d+ via ReportFixtures\\.java:(\\d+)").matcher(report);
        assertThat(via.find()).as(report).isTrue();
        assertThat(report).contains("HashMap#1.table ➜ null  HashMap.java:");
        // the steps below the first of a run come from the same line and say so by not repeating it
        String interleaving = report.substring(report.indexOf("Interleaving ("));
        for (String cell : interleaving.split("\n")) {
            if (cell.contains(" via ")) {
                continue;
            }
            assertThat(cell).as("a cell below the first JDK step of its run").doesNotContain("via");
        }
        long runs = interleaving.lines().filter(line -> line.contains("| switch")).count() + 1;
        long vias = interleaving.lines().filter(line -> line.contains(" via ReportFixtures.java:")).count();
        assertThat(vias).as(report).isPositive().isLessThanOrEqualTo(runs * 2);
    }

    @Test
    void aReplay_printsTheSameReportByteForByte_evenWithAFreshSeed() {
        String report = failureMessage(run("hashMapWithMarkupInTheMessage"));

        for (int i = 0; i < 3; i++) {
            String again = failureMessage(run("hashMapWithMarkupInTheMessage", "weft.replay", token(report)));
            assertThat(again).as("replay %d", i + 1).isEqualTo(report);
        }
        String pasted = failureMessage(EngineTestKit.engine("weft")
                .selectors(selectMethod(ReportFixtures.class, "failsInAThread"))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.reports", "")
                .execute());
        String replayed = failureMessage(EngineTestKit.engine("weft")
                .selectors(selectMethod(ReportFixtures.class, "failsInAThread"))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.reports", "")
                .configurationParameter("weft.replay", token(pasted))
                .execute());
        assertThat(replayed).isEqualTo(pasted);
    }

    @Test
    void aTokenPastedIntoTheWrongTest_namesBothTests() {
        String message = failureMessage(run("withAnotherTestsToken"));

        assertThat(message).isEqualTo("the replay token in @ConcurrencyTest(replay = …) of ReportFixtures.withAnotherTestsToken"
                + " was recorded for ReportFixtures.passes: a token replays only the test it was recorded for;"
                + " move it to ReportFixtures.passes or remove it");
    }

    @Test
    void aFailure_printsThePathOfItsPage_andAPassRemovesIt() throws Exception {
        String report = failureMessage(run("hashMapWithMarkupInTheMessage", "weft.races", "off", "weft.seed", "11"));

        String page = "dev.weft.engine.fixtures.ReportFixtures.hashMapWithMarkupInTheMessage.html";
        assertThat(report).endsWith("\nhtml report: " + pages.resolve(page).toAbsolutePath().normalize());
        String html = Files.readString(pages.resolve(page));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;script&gt;window.weftPwned = 1&lt;/script&gt;")
                .doesNotContain("<script>window.weftPwned").doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(Files.readString(pages.resolve("index.html"))).contains("<a href=\"" + page + "\">ReportFixtures.hashMapWithMarkupInTheMessage</a>");

        // a page of a test that now passes is removed, and the index with it
        Files.writeString(pages.resolve("dev.weft.engine.fixtures.ReportFixtures.passes.html"),
                "<meta name=\"weft:test\" content=\"ReportFixtures.passes\">");
        run("passes").testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(pages.resolve("dev.weft.engine.fixtures.ReportFixtures.passes.html")).doesNotExist();
        assertThat(Files.readString(pages.resolve("index.html"))).doesNotContain("ReportFixtures.passes")
                .contains("ReportFixtures.hashMapWithMarkupInTheMessage");
    }

    @Test
    void aDeadlocksPage_endsEachLaneOfTheCycleWithWhatItWaitsFor() throws Exception {
        String report = failureMessage(run("lockOrderDeadlock"));

        assertThat(report).startsWith("Weft: deadlock: thread ");
        String html = Files.readString(pages.resolve("dev.weft.engine.fixtures.ReportFixtures.lockOrderDeadlock.html"));
        for (int thread = 0; thread <= 1; thread++) {
            assertThat(html).contains("<tr class=\"event culprit\" data-thread=\"" + thread + "\">");
        }
        assertThat(html).contains("waits for the monitor of Object#");
    }

    @Test
    void pagesOff_printNoPath() {
        String report = failureMessage(EngineTestKit.engine("weft")
                .selectors(selectMethod(ReportFixtures.class, "failsInAThread"))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.reports", "")
                .execute());

        assertThat(report).doesNotContain("html report:").endsWith("-Dweft.replay=" + token(report));
    }
}
