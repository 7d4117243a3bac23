package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names objects by class and order of first appearance ({@code HashMap#1}, {@code Node#3}), so that
 * a trace reads the same from one run to the next; a class object by its name ({@code Cache.class}).
 *
 * <p>Naming an object never decides its identity hash (only traced runs name objects, and a hash
 * decided here would differ from the one an untraced run of the same execution decides later): an
 * object without a hash yet is kept in a list and found by comparison, until it has one.
 */
final class ObjectNames {

    private final IdentityHashMap<Object, String> names = new IdentityHashMap<>();
    private final List<Object> unhashed = new ArrayList<>();
    private final List<String> unhashedNames = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final boolean deterministicHashes = IdentityHashes.unavailableReason() == null;

    String name(Object object) {
        if (object == null) {
            return "null";
        }
        if (object instanceof Class<?> type) {
            return simpleName(type) + ".class"; // a class's monitor, as the source names it
        }
        // > 0: its hash is decided; 0: not yet; -1: cannot tell (its header is locked: a monitor the
        // program holds, whose hash the runtime decided when it was entered)
        int hash = deterministicHashes ? IdentityHashes.decided(object) : 1;
        String name = hash != 0 ? names.get(object) : null;
        if (name != null) {
            return name;
        }
        for (int i = 0; i < unhashed.size(); i++) {
            if (unhashed.get(i) == object) {
                name = unhashedNames.get(i);
                if (hash > 0) { // it has a hash now: move it to the table
                    unhashed.remove(i);
                    unhashedNames.remove(i);
                    names.put(object, name);
                }
                return name;
            }
        }
        String simple = simpleName(object.getClass());
        int n = counters.merge(simple, 1, Integer::sum);
        name = simple + "#" + n;
        if (hash != 0) {
            names.put(object, name);
        } else {
            unhashed.add(object);
            unhashedNames.add(name);
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
        String name = dev.weft.scheduler.agent.GeneratedNames.stable(type.getName());
        name = name.substring(name.lastIndexOf('.') + 1);
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) {
            name = name.substring(0, lambda) + "$$Lambda";
        }
        return name;
    }
}
