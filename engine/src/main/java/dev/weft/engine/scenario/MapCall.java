package dev.weft.engine.scenario;

import dev.weft.api.MapOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One map operation with its arguments, as generated for a scenario: keys and values in the order of
 * the operation's {@link MapOperation.Shape} ({@code [k1, v1, k2, v2]} for {@code PUT_ALL}). Arguments
 * may be {@code null} (the generator never draws one; tests and models may).
 *
 * @param operation the operation
 * @param arguments its keys and values
 */
public record MapCall(MapOperation operation, List<Integer> arguments) {

    /** Checks the number of arguments against the operation's shape. */
    public MapCall {
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        int expected = switch (operation.shape()) {
            case NONE -> 0;
            case KEY, VALUE -> 1;
            case KEY_VALUE -> 2;
            case KEY_VALUE_VALUE -> 3;
            case ENTRIES -> arguments.size() == 4 ? 4 : 2;
        };
        if (arguments.size() != expected) {
            throw new IllegalArgumentException(operation + " takes " + expected + " arguments, was "
                    + arguments.size() + " " + arguments);
        }
    }

    /** A call with the given arguments. */
    public static MapCall of(MapOperation operation, Integer... arguments) {
        return new MapCall(operation, Arrays.asList(arguments));
    }

    /** Argument {@code i}. */
    public Integer argument(int i) {
        return arguments.get(i);
    }

    /** The entries of a {@code PUT_ALL} call, in generation order. */
    public Map<Integer, Integer> entries() {
        Map<Integer, Integer> entries = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
            entries.put(arguments.get(i), arguments.get(i + 1));
        }
        return entries;
    }

    /** The call as printed in reports: {@code put(1, 2)}, {@code merge(1, 2, Integer::sum)}. */
    public String render() {
        String name = operation.methodName();
        return switch (operation) {
            case PUT_ALL -> {
                StringJoiner joined = new StringJoiner(", ", name + "({", "})");
                entries().forEach((key, value) -> joined.add(key + "=" + value));
                yield joined.toString();
            }
            case COMPUTE_IF_ABSENT -> name + "(" + argument(0) + ", k -> " + argument(1) + ")";
            case COMPUTE_IF_PRESENT -> name + "(" + argument(0) + ", (k, v) -> v + " + argument(1) + ")";
            case COMPUTE -> name + "(" + argument(0) + ", (k, v) -> v == null ? " + argument(1) + " : v + "
                    + argument(1) + ")";
            case MERGE -> name + "(" + argument(0) + ", " + argument(1) + ", Integer::sum)";
            default -> {
                StringJoiner joined = new StringJoiner(", ", name + "(", ")");
                arguments.forEach(argument -> joined.add(String.valueOf(argument)));
                yield joined.toString();
            }
        };
    }

    @Override
    public String toString() {
        return render();
    }
}
