package dev.weft.scheduler.agent;

/**
 * One instrumented instruction: what it does and where it is in the source.
 *
 * @param kind what happens at the site
 * @param className the declaring class, dotted
 * @param methodName the method the instruction is in
 * @param fileName the source file, or {@code null} when the class has no debug information
 * @param line the source line, or {@code -1}
 * @param member the field or called method the instruction names, or {@code ""}
 * @param fieldFlags the field's access flags for field sites ({@code ACC_VOLATILE} matters), {@link #MUTATING}
 *     for collection sites, {@link #ATOMIC_LOAD} for atomic sites that only load, else 0
 */
public record Site(Kind kind, String className, String methodName, String fileName, int line, String member, int fieldFlags) {

    /** What an instrumented instruction does. */
    public enum Kind {
        READ, WRITE, ARRAY_READ, ARRAY_WRITE, ATOMIC, MONITOR_ENTER, MONITOR_EXIT, CALL,
        /** Entry into (and exit from) a method of a non-thread-safe collection; member is {@code HashMap.put}. */
        COLLECTION
    }

    /** Names generated classes without their made-up parts ({@link GeneratedNames}): sites are matched across JVMs. */
    public Site {
        className = GeneratedNames.stable(className);
        member = GeneratedNames.stable(member);
    }

    /** Flag of a {@link Kind#COLLECTION} site whose method changes the collection. */
    public static final int MUTATING = 1;

    /**
     * Flag of an {@link Kind#ATOMIC} site that only loads: {@code VarHandle.get}, {@code getVolatile},
     * {@code getAcquire}, {@code getOpaque}, and {@code Unsafe}'s {@code get*} but {@code getAnd*}.
     */
    public static final int ATOMIC_LOAD = 2;

    /** {@code HashMap.putVal(HashMap.java:631)}: the class's simple name, as in a stack trace. */
    public String location() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String where = fileName == null ? "Unknown Source" : line < 0 ? fileName : fileName + ":" + line;
        return simple + "." + methodName + "(" + where + ")";
    }

    /** {@code HashMap.java:631}, the short form used in interleaving tables. */
    public String shortLocation() {
        if (fileName == null) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
        return line < 0 ? fileName : fileName + ":" + line;
    }

    public boolean isVolatile() {
        return kind != Kind.COLLECTION && (fieldFlags & 0x0040) != 0;
    }

    /** For an {@link Kind#ATOMIC} site: whether the operation only loads (a spin on it is a read-only spin). */
    public boolean isAtomicLoad() {
        return kind == Kind.ATOMIC && (fieldFlags & ATOMIC_LOAD) != 0;
    }

    /** For a {@link Kind#COLLECTION} site: whether the method changes the collection. */
    public boolean isMutating() {
        return kind == Kind.COLLECTION && (fieldFlags & MUTATING) != 0;
    }
}
