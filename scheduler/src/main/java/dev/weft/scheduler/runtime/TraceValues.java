package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.InstrumentationScope;
import dev.weft.scheduler.agent.Site;
import dev.weft.scheduler.agent.Sites;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a traced value looks like, and where the user's code was when a JDK step ran. The hooks pass
 * booleans and chars widened to numbers; the field's or array's declared type turns them back into
 * {@code true}/{@code false} and {@code 'c'}. Used only while tracing (a failure's replay), never on
 * the exploring path.
 */
final class TraceValues {

    /** Per field site: the field's primitive type ({@code boolean.class}, …), or {@code Object.class} when unknown. */
    private static final ConcurrentHashMap<Integer, Class<?>> FIELD_TYPES = new ConcurrentHashMap<>();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private TraceValues() {}

    /** A value written to a field at {@code site} of {@code owner} ({@code null} for a static field). */
    static String fieldValue(ObjectNames names, Object owner, Object value, int site) {
        return render(names, value, fieldType(owner, site));
    }

    /** A value read at {@code site}: a field, or an element of {@code lastArray} for an array site. */
    static String readValue(ObjectNames names, Object value, int site, Object lastArray) {
        Site s = Sites.get(site);
        Class<?> type = s.kind() == Site.Kind.ARRAY_READ
                ? lastArray == null ? Object.class : lastArray.getClass().getComponentType()
                : fieldType(null, site);
        return render(names, value, type);
    }

    private static String render(ObjectNames names, Object value, Class<?> type) {
        if (value instanceof Number number && (type == boolean.class || type == char.class)) {
            long widened = number.longValue();
            if (type == boolean.class) {
                return widened == 0 ? "false" : "true";
            }
            return names.value((char) widened);
        }
        return names.value(value);
    }

    private static Class<?> fieldType(Object owner, int site) {
        Class<?> known = FIELD_TYPES.get(site);
        if (known != null) {
            return known;
        }
        Class<?> type = lookUp(owner, site);
        FIELD_TYPES.put(site, type);
        return type;
    }

    private static Class<?> lookUp(Object owner, int site) {
        Site s = Sites.get(site);
        String ownerName = Sites.fieldOwner(site);
        if (ownerName == null || s.member().indexOf('.') < 0) {
            return Object.class;
        }
        String fieldName = s.member().substring(s.member().lastIndexOf('.') + 1);
        Class<?> start = owner != null ? owner.getClass() : load(ownerName, s.className());
        for (Class<?> c = start; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(fieldName)) {
                    return field.getType().isPrimitive() ? field.getType() : Object.class;
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                for (Field field : i.getDeclaredFields()) {
                    if (field.getName().equals(fieldName)) {
                        return field.getType().isPrimitive() ? field.getType() : Object.class;
                    }
                }
            }
        }
        return Object.class;
    }

    /** The class named by a static field's site, through the loader of the class the site is in, as far as it can be found. */
    private static Class<?> load(String name, String siteClass) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ClassLoader.getSystemClassLoader(), null}) {
            try {
                Class<?> user = Class.forName(siteClass, false, loader);
                return Class.forName(name, false, user.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /**
     * Where the calling thread's JDK step comes from: the nearest frame of the user's code on its stack
     * ({@code CacheTest.java:41}, or {@code ""} when every frame is the JDK's, Weft's or tooling's) and,
     * when tooling that Weft does not rewrite (an assertion or mocking library) made the step on the user's
     * behalf, that tooling's package and the method of it the user's code called.
     */
    static Origin origin() {
        return WALKER.walk(frames -> {
            String library = "";
            String call = "";
            boolean pastWeft = false;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String cls = f.getClassName();
                if (StackFilter.weft(cls)) {
                    if (pastWeft) {
                        break; // the harness below the program: nothing of the user's beneath it
                    }
                    continue;
                }
                pastWeft = true;
                if (StackFilter.hidden(cls, f.getMethodName()) || StackFilter.jdk(cls)) {
                    continue;
                }
                String tooling = InstrumentationScope.toolingPackage(cls);
                if (tooling != null) {
                    library = tooling;
                    call = callName(cls, f.getMethodName());
                    continue;
                }
                String where = f.getFileName() == null ? cls.substring(cls.lastIndexOf('.') + 1)
                        : f.getLineNumber() < 0 ? f.getFileName() : f.getFileName() + ":" + f.getLineNumber();
                return new Origin(where, library, call);
            }
            return new Origin("", library, call);
        });
    }

    /** A method as a call reads: {@code isEqualTo}, {@code new SoftAssertions}. */
    private static String callName(String cls, String method) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return switch (method) {
            case "<init>" -> "new " + simple;
            case "<clinit>" -> "initializer of " + simple;
            default -> method;
        };
    }

    /**
     * Where a JDK step comes from.
     *
     * @param userFrame the nearest frame of the user's code, {@code CacheTest.java:41}; or {@code ""}
     * @param library the tooling package that made the step on the user's behalf, {@code org.assertj}; or {@code ""}
     * @param call the method of that tooling the user's code called, {@code isEqualTo}; or {@code ""}
     */
    record Origin(String userFrame, String library, String call) {
    }
}
