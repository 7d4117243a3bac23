package dev.weft.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.scenario.Scenario;
import dev.weft.scheduler.runtime.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's HTML as text: every user-supplied string escaped, nothing loaded from elsewhere. */
class FailurePageTest {

    private static final String MARKUP = "<script>alert('x')</script>&\"";

    private static FailureReport report() {
        Scenario<String> cells = new Scenario<>(0, List.of("put(\"" + MARKUP + "\", 1): null"),
                List.of(List.of("get(1): " + MARKUP), List.of("size(): 1")), List.of());
        List<TraceEvent> trace = List.of(
                new TraceEvent(1, 0, "start thread 1", "", false),
                new TraceEvent(2, 1, "Box#1.value = " + MARKUP, "Box.java:3", true),
                new TraceEvent(3, 2, "size()", "", true));
        FailureView view = new FailureView("exception in thread 1: " + MARKUP, Optional.of(cells),
                Optional.of(new FailureView.Cell(2, 0)), trace, 3, Map.of(1, FailureView.Highlight.RACE, 2, FailureView.Highlight.CULPRIT));
        return new FailureReport("exception in thread 1: " + MARKUP, "Test" + MARKUP + ".method", "execution 3",
                List.of(new FailureReport.Section("Scenario", "…", FailureReport.Kind.SCENARIO),
                        new FailureReport.Section("What happened", "    at " + MARKUP + "(Test.java:1)"),
                        new FailureReport.Section("Interleaving (2 switches)", "…", FailureReport.Kind.INTERLEAVING)),
                5, Optional.of("w1.Ab-_"), Optional.of(view));
    }

    @Test
    void everyUserSuppliedString_isEscaped() {
        String html = FailurePage.render(report(), Optional.of("index.html"));

        assertThat(html).doesNotContain(MARKUP).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
        // the page's own script is the only one, and nothing comes from the network
        assertThat(html.split("<script>", -1)).hasSize(2);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=").doesNotContain("@import");
    }

    @Test
    void lanesHighlightsAndCulpritCell() {
        String html = FailurePage.render(report(), Optional.empty());

        assertThat(html).contains("<th class=\"lane-head\">thread 0</th><th class=\"lane-head\">thread 1</th><th class=\"lane-head\">thread 2</th>")
                .contains("<tr class=\"event race\" data-thread=\"1\">")
                .contains("<tr class=\"event culprit\" data-thread=\"2\">")
                .contains("<td class=\"culprit\" title=\"the call no sequential order explains\">size(): 1</td>")
                .contains("switch: thread 0 → thread 1")
                .contains("data-copy=\"w1.Ab-_\"")
                .doesNotContain("All failures of the run");
    }

    @Test
    void aLongInterleaving_showsBothEnds() {
        List<TraceEvent> trace = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * FailurePage.SHOWN_AT_EACH_END + 100; i++) {
            trace.add(new TraceEvent(i, i % 2, "step " + (i + 1), "", false));
        }
        FailureView view = new FailureView("hang", Optional.empty(), Optional.empty(), trace, 2,
                Map.of(trace.size() - 1, FailureView.Highlight.CULPRIT));
        String html = FailurePage.render(new FailureReport("hang", "T.m", "", List.of(
                new FailureReport.Section("Interleaving (5099 switches)", "…", FailureReport.Kind.INTERLEAVING)), 1,
                Optional.empty(), Optional.of(view)), Optional.empty());

        assertThat(html).contains(">step 2500<", "… 100 steps not shown (steps 2501–2600)", ">step 2601<", ">step 5100<")
                .doesNotContain(">step 2501<").doesNotContain(">step 2600<")
                .contains("<tr class=\"event culprit\" data-thread=\"1\"><td class=\"n\">5100</td>");
    }

    @Test
    void stepsOfALibraryCall_foldIntoOneRow_butAHighlightedOneStaysOutOfTheFold() {
        List<TraceEvent> trace = new java.util.ArrayList<>();
        trace.add(new TraceEvent(1, 0, "Cache#1.size = 1", "CacheTest.java:40", false));
        for (int i = 0; i < 9; i++) {
            trace.add(new TraceEvent(2 + i, 0, "ArrayList#1.size ➜ " + i, "ArrayList.java:1", false, 0, "CacheTest.java:44",
                    "org.assertj", "containsExactly"));
        }
        FailureView view = new FailureView("exception in thread 0: java.lang.AssertionError", Optional.empty(), Optional.empty(),
                trace, 1, Map.of(5, FailureView.Highlight.RACE));
        String html = FailurePage.render(new FailureReport("exception in thread 0: java.lang.AssertionError", "T.m", "", List.of(
                new FailureReport.Section("Interleaving (0 switches)", "…", FailureReport.Kind.INTERLEAVING)), 1,
                Optional.empty(), Optional.of(view)), Optional.empty());

        assertThat(html).contains("\">▸ 4 steps inside org.assertj (containsExactly at CacheTest.java:44)</button>",
                        "\">▸ 4 steps inside org.assertj (containsExactly at CacheTest.java:44)</button>")
                .contains("<tr class=\"fold library\" data-fold=\"1\">", "<tr class=\"fold library\" data-fold=\"2\">")
                .contains("<tr class=\"event race\" data-thread=\"0\"><td class=\"n\">6</td>")
                .contains("<tr class=\"event\" data-fold-member=\"1\" hidden data-thread=\"0\"><td class=\"n\">2</td>")
                .doesNotContain("data-fold=\"3\"");
    }

    @Test
    void aSectionWithNothingInIt_getsNoHeading() {
        String html = FailurePage.render(new FailureReport("exception in thread 0: java.lang.AssertionError", "T.m", "",
                List.of(new FailureReport.Section("What happened", "")), 1, Optional.empty()), Optional.empty());

        assertThat(html).doesNotContain("What happened").doesNotContain("id=\"details\"");
    }

    @Test
    void escape_coversHtmlAndAttributes() {
        assertThat(FailurePage.esc("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
    }
}
