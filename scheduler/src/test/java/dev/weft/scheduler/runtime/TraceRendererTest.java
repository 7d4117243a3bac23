package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interleaving as text: steps an assertion library made fold into one line, and what is never folded. */
class TraceRendererTest {

    private static TraceEvent user(long step, int thread, String text) {
        return new TraceEvent(step, thread, text, "CacheTest.java:" + step, false);
    }

    private static TraceEvent library(long step, int thread, String call, String userFrame) {
        return new TraceEvent(step, thread, "ArrayList#1.size ➜ " + step, "ArrayList.java:1", false, 0, userFrame,
                "org.assertj", call);
    }

    /** Thread 0 writes, then an assertion reads through 40 steps of the library, then one more write. */
    private static List<TraceEvent> assertionInThreadZero() {
        List<TraceEvent> trace = new ArrayList<>();
        trace.add(user(1, 0, "Cache#1.size = 1"));
        for (int i = 0; i < 40; i++) {
            trace.add(library(2 + i, 0, i < 3 ? "assertThat" : "containsExactly", "CacheTest.java:44"));
        }
        trace.add(user(42, 0, "Cache#1.size = 2"));
        return trace;
    }

    /** The table without the padding of its cells. */
    private static String unpadded(String table) {
        return table.replaceAll(" +\\|", " |");
    }

    @Test
    void stepsOfOneLibraryCall_foldIntoOneLine_namingTheUsersLine() {
        String text = TraceRenderer.render(assertionInThreadZero(), 1);

        assertThat(unpadded(text)).isEqualTo(""
                + "| thread 0 |\n"
                + "| Cache#1.size = 1  CacheTest.java:1 |\n"
                + "| … 40 steps inside org.assertj (assertThat, containsExactly at CacheTest.java:44) |\n"
                + "| Cache#1.size = 2  CacheTest.java:42 |\n");
    }

    @Test
    void aKeptStep_staysOnALineOfItsOwn_betweenTwoFolds() {
        String text = TraceRenderer.render(assertionInThreadZero(), 1, Set.of(20));

        assertThat(unpadded(text)).contains("| … 19 steps inside org.assertj (assertThat, containsExactly at CacheTest.java:44) |\n"
                + "| ArrayList#1.size ➜ 21  ArrayList.java:1 via CacheTest.java:44 |\n"
                + "| … 20 steps inside org.assertj (containsExactly at CacheTest.java:44) |\n");
    }

    @Test
    void aSwitch_endsAFold() {
        List<TraceEvent> trace = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            trace.add(library(1 + i, i < 2 ? 0 : 1, "isEqualTo", "CacheTest.java:" + (i < 2 ? 10 : 20)));
        }

        String text = TraceRenderer.render(trace, 2);

        assertThat(text.lines()).hasSize(4);
        assertThat(text.lines().toList().get(1)).startsWith("| … 2 steps inside org.assertj (isEqualTo at CacheTest.java:10) |");
        assertThat(text.lines().toList().get(2)).startsWith("| switch ");
        assertThat(text.lines().toList().get(3)).endsWith("| … 2 steps inside org.assertj (isEqualTo at CacheTest.java:20) |");
    }

    @Test
    void aLongRun_isShortenedInTheMiddle_butAKeptStepThereIsShown() {
        List<TraceEvent> trace = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trace.add(user(1 + i, 0, "Cache#1.size = " + i));
        }

        String plain = TraceRenderer.render(trace, 1);
        String kept = TraceRenderer.render(trace, 1, Set.of(15));

        assertThat(plain).contains("| … 20 more events").doesNotContain("size = 15 ");
        assertThat(kept).contains("| … 9 more events", "| Cache#1.size = 15  CacheTest.java:16", "| … 10 more events");
    }

    @Test
    void oneLibraryStep_isShownAsItIs() {
        List<TraceEvent> trace = List.of(user(1, 0, "Cache#1.size = 1"), library(2, 0, "isEqualTo", "CacheTest.java:44"));

        assertThat(unpadded(TraceRenderer.render(trace, 1))).contains("| ArrayList#1.size ➜ 2  ArrayList.java:1 via CacheTest.java:44 |");
    }
}
