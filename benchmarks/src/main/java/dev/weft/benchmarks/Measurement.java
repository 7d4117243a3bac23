package dev.weft.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * What one forked run measured: whether a failure was reported, the wall-clock seconds of the
 * tool's call (inside the forked JVM, so JVM start is not counted; the tool's agent attach is), the
 * executions it ran, and the seconds the tool itself reports for its exploration ({@code
 * weft.explored.time}; -1 when the tool reports none, as Lincheck). Travels from the fork to {@link
 * Compare} as one line on standard output.
 */
record Measurement(boolean failed, double seconds, long executions, double toolSeconds, String headline) {

    static final String PREFIX = "weft-benchmark-result ";

    String line() {
        return PREFIX + "failed=" + failed + " seconds=" + seconds + " executions=" + executions
                + " toolSeconds=" + toolSeconds                + " headline=" + headline.replace('\n', ' ');
    }

    static Measurement parse(String line) {
        Map<String, String> fields = new HashMap<>();
        String rest = line.substring(PREFIX.length());
        int headline = rest.indexOf(" headline=");
        for (String field : rest.substring(0, headline).split(" ")) {
            int eq = field.indexOf('=');
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new Measurement(Boolean.parseBoolean(fields.get("failed")),
                Double.parseDouble(fields.get("seconds")), Long.parseLong(fields.get("executions")),
                Double.parseDouble(fields.get("toolSeconds")),
                rest.substring(headline + " headline=".length()));
    }

    /**
     * The steady speed of a warm run: of rounds run one after another in one JVM, the round after
     * the first with the median executions per second (the first round pays for the agent and the JIT).
     */
    static Measurement warm(int rounds, java.util.function.Supplier<Measurement> round) {
        java.util.List<Measurement> measured = new java.util.ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            Measurement m = round.get();
            System.out.println("round " + i + ": " + m.line());
            measured.add(m);
        }
        return warm(measured);
    }

    static Measurement warm(java.util.List<Measurement> rounds) {
        if (rounds.size() < 2) {
            throw new IllegalArgumentException("a warm measurement needs at least 2 rounds, was " + rounds.size());
        }
        java.util.List<Measurement> later = new java.util.ArrayList<>(rounds.subList(1, rounds.size()));
        later.sort(java.util.Comparator.comparingDouble(Measurement::executionsPerSecond));
        return later.get(later.size() / 2);
    }

    double executionsPerSecond() {
        return executions / seconds;
    }
}
