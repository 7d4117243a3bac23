package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.WeftAgent;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;

/**
 * Identity hash codes decided once per object, in the place the JVM itself keeps them: the object's
 * header.
 *
 * <p>An object's identity hash must never change: the JDK's own tables (the proxy classes' caches, the
 * jar-file caches behind {@code getResource}, {@code ClassValue}'s maps, a mocking library's caches)
 * are filled outside an execution, or in an earlier one, and looked up inside the next. So an
 * execution never answers for an object whose hash is already decided — by the JVM, by an earlier
 * execution, by code Weft does not instrument — and gives the JVM's answer. An object whose hash is
 * not decided yet (one the execution created, as a rule) gets a deterministic hash, and it is written
 * into the header with the same compare-and-set the JVM uses: from then on the JVM, every table and
 * every later execution agree on it.
 *
 * <p>Where the header's layout is not the one measured at start-up (an object locked at that moment,
 * a JVM other than HotSpot, a layout this class does not recognise), the JVM's own hash is used:
 * consistent everywhere, but not the same from one JVM to the next. {@link #unavailableReason()} says
 * why; {@code -Dweft.identityHashes=jvm} chooses it on purpose.
 */
final class IdentityHashes {

    private static final String SETTING = System.getProperty("weft.identityHashes", "deterministic");
    private static final long HASH_MASK = 0x7FFF_FFFFL;
    /** The low three bits of an unlocked, unbiased header; locked or biased headers keep the hash elsewhere. */
    private static final long UNLOCKED = 0b001;

    private static final MethodHandle GET_LONG;
    private static final MethodHandle CAS_LONG;
    /** Where the 31 hash bits sit in the header, or -1 when headers are not used. */
    private static final int SHIFT;
    private static final String UNAVAILABLE;

    static {
        MethodHandle get = null;
        MethodHandle cas = null;
        int shift = -1;
        String reason;
        try {
            reason = refusal();
            if (reason == null) {
                Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
                WeftAgent.ensureInstalled().redefineModule(Object.class.getModule(), Set.of(),
                        Map.of("jdk.internal.misc", Set.of(IdentityHashes.class.getModule())), Map.of(), Set.of(), Map.of());
                Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                get = lookup.findVirtual(unsafeClass, "getLong", MethodType.methodType(long.class, Object.class, long.class))
                        .bindTo(unsafe);
                cas = lookup.findVirtual(unsafeClass, "compareAndSetLong",
                        MethodType.methodType(boolean.class, Object.class, long.class, long.class, long.class)).bindTo(unsafe);
                shift = calibrate(get, cas);
                reason = shift < 0 ? "this JVM keeps identity hashes where weft did not find them" : null;
            }
        } catch (Throwable e) {
            reason = "weft cannot read object headers: " + e;
            shift = -1;
        }
        GET_LONG = get;
        CAS_LONG = cas;
        SHIFT = shift;
        UNAVAILABLE = reason;
    }

    private IdentityHashes() {}

    /** Fails with what to write instead when {@code weft.identityHashes} has a value it does not know. */
    static void requireValidSetting() {
        if (!SETTING.equals("deterministic") && !SETTING.equals("jvm")) {
            throw new IllegalArgumentException("weft.identityHashes must be deterministic or jvm, was " + SETTING);
        }
    }

    private static String refusal() {
        if (!SETTING.equals("deterministic")) {
            return "-Dweft.identityHashes=" + SETTING;
        }
        String vm = System.getProperty("java.vm.name", "");
        if (!(vm.contains("HotSpot") || vm.contains("OpenJDK")) || vm.contains("OpenJ9")
                || !"64".equals(System.getProperty("sun.arch.data.model"))) {
            return "identity hashes are kept deterministic on 64-bit HotSpot only, this is " + vm;
        }
        return null;
    }

    /** Why identity hashes are the JVM's own, or {@code null} when they are deterministic. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /**
     * The identity hash already decided for {@code object}: positive; 0 when none is decided yet; -1
     * when that cannot be told (the header is locked, or headers are not used).
     */
    static int decided(Object object) {
        if (SHIFT < 0) {
            return -1;
        }
        long mark = header(object);
        if ((mark & 0b111) != UNLOCKED) {
            return -1;
        }
        return (int) ((mark >>> SHIFT) & HASH_MASK);
    }

    /**
     * Decides {@code object}'s identity hash: {@code proposed} (1 to 2^31-1) when none is decided yet,
     * else the one decided before. Falls back to the JVM's own hash when the header cannot be written.
     */
    static int decide(Object object, int proposed) {
        if (SHIFT >= 0) {
            for (int attempt = 0; attempt < 8; attempt++) {
                long mark = header(object);
                if ((mark & 0b111) != UNLOCKED) {
                    break;
                }
                int hash = (int) ((mark >>> SHIFT) & HASH_MASK);
                if (hash != 0) {
                    return hash;
                }
                if (swap(object, mark, mark | ((long) proposed << SHIFT))) {
                    return proposed;
                }
            }
        }
        return System.identityHashCode(object);
    }

    private static long header(Object object) {
        try {
            return (long) GET_LONG.invokeExact(object, 0L);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean swap(Object object, long expected, long value) {
        try {
            return (boolean) CAS_LONG.invokeExact(object, 0L, expected, value);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Finds where this JVM keeps the hash in the header: the bits that change, and only those, when
     * the JVM decides a fresh object's hash; then checks that a hash written there is the one the JVM
     * returns. -1 when either fails.
     */
    private static int calibrate(MethodHandle get, MethodHandle cas) throws Throwable {
        int found = -1;
        int agreeing = 0;
        for (int attempt = 0; attempt < 20 && agreeing < 4; attempt++) {
            Object probe = attempt % 2 == 0 ? new Object() : new int[attempt];
            long before = (long) get.invokeExact(probe, 0L);
            long hash = System.identityHashCode(probe) & HASH_MASK;
            long after = (long) get.invokeExact(probe, 0L);
            if ((before & 0b111) != UNLOCKED || hash == 0) {
                continue;
            }
            int shift = Long.numberOfTrailingZeros(before ^ after) - Long.numberOfTrailingZeros(hash);
            if (shift < 3 || shift > 33 || (before ^ after) != hash << shift || (found >= 0 && shift != found)) {
                agreeing = 0; // the collector may have aged the object in between: measure again
                found = -1;
                continue;
            }
            found = shift;
            agreeing++;
        }
        if (agreeing < 4) {
            return -1;
        }
        int[] written = {0x2B3C_4D5E, 1, 0x7FFF_FFFF, 0x1234_5678};
        for (int proposed : written) {
            boolean checked = false;
            for (int attempt = 0; attempt < 5 && !checked; attempt++) {
                Object probe = attempt % 2 == 0 ? new Object() : new long[attempt];
                long mark = (long) get.invokeExact(probe, 0L);
                if ((mark & 0b111) != UNLOCKED || ((mark >>> found) & HASH_MASK) != 0
                        || !(boolean) cas.invokeExact(probe, 0L, mark, mark | ((long) proposed << found))) {
                    continue; // aged by the collector in between: another probe
                }
                if (System.identityHashCode(probe) != proposed || probe.hashCode() != proposed) {
                    return -1;
                }
                checked = true;
            }
            if (!checked) {
                return -1;
            }
        }
        return found;
    }
}
