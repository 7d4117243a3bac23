package dev.weft.engine.stress;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A map scenario written as one line of text, the calls as Weft's reports print them:
 *
 * <pre>
 * before: put(1, 1) | thread 1: put(2, 1) | thread 2: put(1, 1); size() | after: get(1)
 * </pre>
 *
 * <p>Parts are separated by {@code |} (or line breaks), calls within a part by {@code ;}. The {@code
 * before} and {@code after} parts are optional; threads are numbered from 1 in order. A call is a map
 * method with integer (or {@code null}) arguments; the callbacks of {@code computeIfAbsent}, {@code
 * computeIfPresent}, {@code compute} and {@code merge} are Weft's fixed ones, written as the reports
 * write them ({@code compute(1, (k, v) -> v == null ? 2 : v + 2)}) or by their amount alone ({@code
 * compute(1, 2)}).
 */
final class ScenarioText {

    /** An example for error messages. */
    static final String EXAMPLE = "thread 1: put(1, 1) | thread 2: put(2, 1); size()";

    private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\s*\\((.*)\\)");
    private static final Pattern ARGUMENT = Pattern.compile("-?\\d+|null");
    private static final Pattern THREAD = Pattern.compile("thread\\s+(\\d+)");
    private static final Set<MapOperation> CALLBACKS = Set.of(MapOperation.COMPUTE_IF_ABSENT,
            MapOperation.COMPUTE_IF_PRESENT, MapOperation.COMPUTE, MapOperation.MERGE);

    private ScenarioText() {
    }

    /** The scenario as one line, parsed back by {@link #parse}. */
    static String format(Scenario<MapCall> scenario) {
        StringJoiner parts = new StringJoiner(" | ");
        if (!scenario.before().isEmpty()) {
            parts.add("before: " + calls(scenario.before()));
        }
        for (int thread = 0; thread < scenario.threads().size(); thread++) {
            parts.add("thread " + (thread + 1) + ": " + calls(scenario.threads().get(thread)));
        }
        if (!scenario.after().isEmpty()) {
            parts.add("after: " + calls(scenario.after()));
        }
        return parts.toString();
    }

    private static String calls(List<MapCall> calls) {
        StringJoiner joined = new StringJoiner("; ");
        calls.forEach(call -> joined.add(call.render()));
        return joined.toString();
    }

    /**
     * Reads a scenario written as {@link #format} writes it.
     *
     * @throws IllegalArgumentException naming the part or call that cannot be read, and how to write it
     */
    static Scenario<MapCall> parse(String text) {
        List<MapCall> before = List.of();
        List<MapCall> after = List.of();
        List<List<MapCall>> threads = new ArrayList<>();
        for (String rawPart : text.split("[|\\n]")) {
            String part = rawPart.strip();
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("scenario part \"" + part + "\" has no label; start each part with"
                        + " \"before:\", \"thread N:\" or \"after:\", as in \"" + EXAMPLE + "\"");
            }
            String label = part.substring(0, colon).strip();
            List<MapCall> calls = calls(part.substring(colon + 1), label);
            Matcher thread = THREAD.matcher(label);
            if (label.equals("before")) {
                if (!threads.isEmpty() || !before.isEmpty()) {
                    throw new IllegalArgumentException("scenario has \"before:\" after other parts, or twice;"
                            + " write it once, first");
                }
                before = calls;
            } else if (label.equals("after")) {
                if (!after.isEmpty()) {
                    throw new IllegalArgumentException("scenario has \"after:\" twice; write it once, last");
                }
                after = calls;
            } else if (thread.matches()) {
                int number = Integer.parseInt(thread.group(1));
                if (number != threads.size() + 1 || !after.isEmpty()) {
                    throw new IllegalArgumentException("scenario part \"" + label + "\" is out of order, expected \"thread "
                            + (threads.size() + 1) + "\"; number the threads 1, 2, … and put \"after:\" last");
                }
                threads.add(calls);
            } else {
                throw new IllegalArgumentException("scenario part label must be \"before\", \"thread N\" or \"after\", was \""
                        + label + "\"");
            }
        }
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("scenario has no thread, was \"" + text.strip() + "\"; write at least"
                    + " one part \"thread 1: …\", as in \"" + EXAMPLE + "\"");
        }
        return new Scenario<>(0, before, threads, after);
    }

    private static List<MapCall> calls(String text, String label) {
        List<MapCall> calls = new ArrayList<>();
        for (String call : text.split(";")) {
            if (!call.isBlank()) {
                calls.add(call(call.strip()));
            }
        }
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("scenario part \"" + label + "\" has no call; write calls such as"
                    + " \"put(1, 2); size()\", or leave the part out");
        }
        return calls;
    }

    /** One call, such as {@code put(1, 2)} or {@code merge(1, 2, Integer::sum)}. */
    static MapCall call(String text) {
        Matcher matcher = CALL.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read the map call \"" + text + "\"; write it as the reports do,"
                    + " such as \"put(1, 2)\" or \"size()\"");
        }
        String name = matcher.group(1);
        String inside = matcher.group(2);
        List<Integer> numbers = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(inside);
        while (argument.find()) {
            numbers.add(argument.group().equals("null") ? null : Integer.valueOf(argument.group()));
        }
        List<MapOperation> named = Arrays.stream(MapOperation.values())
                .filter(operation -> operation.methodName().equals(name)).toList();
        if (named.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            Arrays.stream(MapOperation.values()).forEach(operation -> known.add(operation.methodName()));
            throw new IllegalArgumentException("unknown map operation \"" + name + "\" in \"" + text + "\"; use one of "
                    + String.join(", ", known));
        }
        for (MapOperation operation : named) {
            if (CALLBACKS.contains(operation) && numbers.size() >= 2) {
                // key first, the callback's amount last: "compute(1, (k, v) -> v == null ? 2 : v + 2)"
                Integer amount = numbers.get(numbers.size() - 1);
                if (operation == MapOperation.MERGE) {
                    amount = numbers.get(1);
                }
                return MapCall.of(operation, numbers.get(0), amount);
            }
            if (takes(operation, numbers.size())) {
                return new MapCall(operation, numbers);
            }
        }
        throw new IllegalArgumentException("map call \"" + text + "\" has " + numbers.size() + " argument"
                + (numbers.size() == 1 ? "" : "s") + ", which no \"" + name + "\" operation takes; write it as the"
                + " reports do, such as \"" + MapCall.of(named.get(0), example(named.get(0))).render() + "\"");
    }

    private static boolean takes(MapOperation operation, int arguments) {
        return switch (operation.shape()) {
            case NONE -> arguments == 0;
            case KEY, VALUE -> arguments == 1;
            case KEY_VALUE -> arguments == 2;
            case KEY_VALUE_VALUE -> arguments == 3;
            case ENTRIES -> arguments == 2 || arguments == 4;
        };
    }

    private static Integer[] example(MapOperation operation) {
        return switch (operation.shape()) {
            case NONE -> new Integer[0];
            case KEY, VALUE -> new Integer[] {1};
            case KEY_VALUE, ENTRIES -> new Integer[] {1, 2};
            case KEY_VALUE_VALUE -> new Integer[] {1, 2, 3};
        };
    }
}
