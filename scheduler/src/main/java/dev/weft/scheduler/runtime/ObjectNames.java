package dev.weft.scheduler.runtime;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Names objects by class and order of first appearance ({@code HashMap#1}, {@code Node#3}), so that
 * a trace reads the same from one run to the next; a class object by its name ({@code Cache.class}).
 */
final class ObjectNames {

    private final IdentityHashMap<Object, String> names = new IdentityHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    String name(Object object) {
        if (object == null) {
            return "null";
        }
        if (object instanceof Class<?> type) {
            return simpleName(type) + ".class"; // a class's monitor, as the source names it
        }
        String name = names.get(object);
        if (name == null) {
            String simple = simpleName(object.getClass());
            int n = counters.merge(simple, 1, Integer::sum);
            name = simple + "#" + n;
            names.put(object, name);
        }
        return name;
    }

    /** A value as shown in a trace: primitives, strings and enums literally, objects by name. */
    String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (value instanceof String s) {
            return s.length() > 20 ? "\"" + s.substring(0, 17) + "...\"" : "\"" + s + "\"";
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        return name(value);
    }

    static String simpleName(Class<?> type) {
        if (type.isArray()) {
            return simpleName(type.getComponentType()) + "[]";
        }
        String name = type.getName();
        name = name.substring(name.lastIndexOf('.') + 1);
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) {
            name = name.substring(0, lambda) + "$$Lambda";
        }
        return name;
    }
}
