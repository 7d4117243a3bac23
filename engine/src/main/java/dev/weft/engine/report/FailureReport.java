package dev.weft.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message of a failed test, read top to bottom: the verdict and where, then sections (the shrunk
 * scenario, the checker's explanation, the interleaving), then the seed and the replay line.
 *
 * <pre>
 * Weft: not linearizable — StripedMapTest.stripedMap  (scenario 7 of 200, execution 312)
 *
 * Scenario (shrunk from 3×3 to 2×2 operations):
 * | thread 1        | thread 2      |
 * | put(1, 2): null | clear(): void |
 * | size(): 1       |               |
 *
 * Why: no sequential order explains size() = 1
 *
 * seed = 8412331907
 * replay: @ConcurrencyTest(replay = "w1.AbCd")   or   -Dweft.replay=w1.AbCd
 * </pre>
 *
 * @param verdict what went wrong, in a few words: {@code not linearizable}, {@code deadlock}
 * @param testName the test, as {@code StripedMapTest.stripedMap}
 * @param location where in the exploration, such as {@code scenario 7 of 200, execution 312}; may be empty
 * @param sections the body, in order; a section with a blank body is left out
 * @param seed the test's seed
 * @param replayToken the token that replays the failing execution; empty if none could be made
 * @param view the same content as objects, for the HTML page; empty when there is none (the page then
 *     shows the sections as text)
 */
public record FailureReport(String verdict, String testName, String location, List<Section> sections, long seed,
        Optional<String> replayToken, Optional<FailureView> view) {

    /**
     * One titled part of a report. A one-line body prints after its title ({@code Why: …}); a longer or indented
     * one on the lines below it.
     *
     * @param title the title, without a colon
     * @param body the text, lines joined by {@code \n}
     * @param kind what the section holds
     */
    public record Section(String title, String body, Kind kind) {

        /** A section of details. */
        public Section(String title, String body) {
            this(title, body, Kind.DETAILS);
        }
    }

    /** What a section holds: the page draws the scenario and the interleaving from the view instead. */
    public enum Kind {
        /** The scenario table. */
        SCENARIO,
        /** The checker's explanation. */
        EXPLANATION,
        /** Stacks, cycles and other details of the outcome. */
        DETAILS,
        /** The interleaving table. */
        INTERLEAVING
    }

    /** Copies the sections, leaving out any whose body is blank: a title over nothing tells the reader nothing. */
    public FailureReport {
        sections = sections.stream().filter(section -> !section.body().isBlank()).toList();
    }

    /** A report without a view. */
    public FailureReport(String verdict, String testName, String location, List<Section> sections, long seed,
            Optional<String> replayToken) {
        this(verdict, testName, location, sections, seed, replayToken, Optional.empty());
    }

    /** The whole message. */
    public String render() {
        List<String> blocks = new ArrayList<>();
        blocks.add("Weft: " + verdict + " — " + testName + (location.isEmpty() ? "" : "  (" + location + ")"));
        for (Section section : sections) {
            // an indented body (a stack of one frame) reads as a block too
            blocks.add(section.body().contains("\n") || section.body().startsWith(" ")
                    ? section.title() + ":\n" + section.body()
                    : section.title() + ": " + section.body());
        }
        blocks.add(ReplayLines.seedLine(seed) + "\n"
                + replayToken.map(ReplayLines::replayLine).orElse("replay: no token could be made for this failure"));
        return String.join("\n\n", blocks);
    }
}
