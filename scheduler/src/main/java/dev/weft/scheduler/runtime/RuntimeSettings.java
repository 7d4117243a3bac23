package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every setting of the controlled runtime and its agent, each with its default and meaning.
 *
 * <p>The engine's own keys are in {@code dev.weft.engine.config.WeftSettings}; these are the
 * runtime's. They can be set wherever the engine's keys can: as launcher parameters, as system
 * properties ({@code -Dweft.workers=platform}) or in {@code junit-platform.properties} on the test
 * class path. The engine hands its configuration to the runtime before it starts it ({@link
 * #configure}); without an engine (the runtime used on its own) they are system properties.
 *
 * <p>Each key is read once, the first time the runtime needs it, and keeps that value for the life of
 * the JVM: the runtime copies it into final fields on its hot path. Most are read when the runtime
 * starts; {@link #REWRITE_CACHE} already when the agent starts (with {@code -javaagent}, before any
 * test code runs, so there only a system property reaches it). A malformed value is rejected with a
 * message naming the key, the value and the accepted values; the runtime then does not start, and
 * every test says why.
 */
public final class RuntimeSettings {

    /**
     * What the runtime's worker threads are: {@code virtual} (virtual threads on Weft's own carrier,
     * JDK 21 or later), {@code platform} (platform threads) or {@code auto} (virtual on JDK 24 and
     * later, where a virtual thread waiting inside {@code synchronized} no longer pins its carrier;
     * platform before). Default {@code auto}.
     */
    public static final String WORKERS = "weft.workers";

    /**
     * Whether explorations run on a driver thread of the runtime that also runs thread 0 of each
     * execution (no handoff between OS threads as an execution starts and ends): {@code true} or
     * {@code false}. Default {@code true}.
     */
    public static final String DRIVER = "weft.driver";

    /**
     * Spins of a thread waiting for a handoff before it first yields its core: a whole number, 0 or
     * more. Default 0.
     */
    public static final String HANDOFF_SPINS = "weft.handoffSpins";

    /**
     * Microseconds a thread waiting for a handoff keeps yielding its core before it parks (a parked
     * thread costs an OS wake-up of 10–50 µs): a whole number, 0 or more; 0 parks at once. Default 200.
     */
    public static final String HANDOFF_SPIN_MICROS = "weft.handoffSpinMicros";

    /**
     * Whether the agent may attach through the JVM's own attach socket, without a helper JVM (Linux
     * HotSpot only): {@code true} or {@code false}. Default {@code true}.
     */
    public static final String SELF_ATTACH = "weft.selfAttach";

    /**
     * Whether the JDK classes the agent rewrites are kept in a file of the temporary directory for the
     * next JVMs (a faster start): {@code true} or {@code false}. Default {@code true}.
     */
    public static final String REWRITE_CACHE = "weft.rewriteCache";

    /**
     * Whether the engine starts the runtime (and so attaches the agent) when a JUnit Platform launcher
     * session opens, before any engine loads test classes: {@code true} or {@code false}. Default
     * {@code true}. Read by the engine at that moment, from system properties and {@code
     * junit-platform.properties} only.
     */
    public static final String AGENT_EARLY = "weft.agent.early";

    /**
     * For debugging the runtime: {@code true} turns off the switch away from a spinning thread (a loop
     * that only reads), so that a spin loop runs into the step bound instead. Default {@code false}.
     */
    public static final String NO_SPIN_OVERRIDE = "weft.debug.noSpinOverride";

    /** Every key, in the order messages list them. */
    public static final List<String> KEYS = List.of(WORKERS, DRIVER, HANDOFF_SPINS, HANDOFF_SPIN_MICROS, SELF_ATTACH,
            REWRITE_CACHE, AGENT_EARLY, NO_SPIN_OVERRIDE);

    private static final List<String> WORKER_KINDS = List.of("auto", "virtual", "platform");

    /** The value of each key that is not set. */
    private static final Map<String, String> DEFAULTS = Map.of(WORKERS, "auto", DRIVER, "true", HANDOFF_SPINS, "0",
            HANDOFF_SPIN_MICROS, "200", SELF_ATTACH, "true", REWRITE_CACHE, "true", AGENT_EARLY, "true", NO_SPIN_OVERRIDE, "false");

    private static final RuntimeSettings PROCESS = new RuntimeSettings(System::getProperty);

    /** Where values not read yet come from: a key to its value, or {@code null} when it is not set. */
    private Function<String, String> source;
    /** The value each key was read with (trimmed; its default when unset or empty), in reading order. */
    private final Map<String, String> read = new LinkedHashMap<>();

    /** Settings read from {@code source}: a key to its value, or {@code null} when it is not set. */
    public RuntimeSettings(Function<String, String> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The settings of this JVM's runtime. */
    public static RuntimeSettings process() {
        return PROCESS;
    }

    /**
     * Gives this JVM's runtime the engine's configuration: every key not read yet is read from
     * {@code parameters} (which must fall back to system properties itself, as JUnit's configuration
     * parameters do) when the runtime needs it.
     *
     * @param parameters a key to its value, or {@code null} when it is not set
     * @return for each key that was read already with another value than {@code parameters} gives, a
     *     sentence saying so and what to do; empty when everything given takes effect
     */
    public static List<String> configure(Function<String, String> parameters) {
        return PROCESS.reconfigure(parameters);
    }

    synchronized List<String> reconfigure(Function<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        List<String> late = new ArrayList<>();
        for (Map.Entry<String, String> entry : read.entrySet()) {
            String given = normalized(parameters.apply(entry.getKey()));
            if (!given.isEmpty() && !given.equalsIgnoreCase(entry.getValue())) {
                late.add(entry.getKey() + "=" + given + " cannot take effect: the runtime already uses " + entry.getKey() + "="
                        + entry.getValue() + ", read before the engine's configuration (give it as a system property: -D"
                        + entry.getKey() + "=" + given + ")");
            }
        }
        source = parameters;
        return late;
    }

    /**
     * Reads every key, so that all of them keep the values they have now.
     *
     * @throws IllegalArgumentException naming every malformed value, its key and the accepted values
     */
    public void validate() {
        List<String> problems = new ArrayList<>();
        for (Runnable reading : List.<Runnable>of(this::workers, this::driver, this::handoffSpins, this::handoffSpinMicros,
                this::selfAttach, this::rewriteCache, this::agentEarly, this::spinOverride)) {
            try {
                reading.run();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The keys read so far with the values they were read with (the default for a key that was not set). */
    public synchronized Map<String, String> inEffect() {
        return Map.copyOf(read);
    }

    /** {@value #WORKERS}: {@code auto}, {@code virtual} or {@code platform}. */
    public String workers() {
        String value = value(WORKERS).toLowerCase(Locale.ROOT);
        if (!WORKER_KINDS.contains(value)) {
            throw malformed(WORKERS, "auto, virtual or platform");
        }
        return value;
    }

    /** {@value #DRIVER}. */
    public boolean driver() {
        return bool(DRIVER);
    }

    /** {@value #HANDOFF_SPINS}. */
    public int handoffSpins() {
        return (int) wholeNumber(HANDOFF_SPINS, Integer.MAX_VALUE);
    }

    /** {@value #HANDOFF_SPIN_MICROS}. */
    public long handoffSpinMicros() {
        return wholeNumber(HANDOFF_SPIN_MICROS, Long.MAX_VALUE / 1_000L);
    }

    /** {@value #SELF_ATTACH}. */
    public boolean selfAttach() {
        return bool(SELF_ATTACH);
    }

    /** {@value #REWRITE_CACHE}. */
    public boolean rewriteCache() {
        return bool(REWRITE_CACHE);
    }

    /** {@value #AGENT_EARLY}. */
    public boolean agentEarly() {
        return bool(AGENT_EARLY);
    }

    /** Whether a spinning thread is switched away from: the opposite of {@value #NO_SPIN_OVERRIDE}. */
    public boolean spinOverride() {
        return !bool(NO_SPIN_OVERRIDE);
    }

    /** The value {@code key} has for the life of this object: read now if it was not read before. */
    private synchronized String value(String key) {
        String value = read.get(key);
        if (value == null) {
            value = normalized(source.apply(key));
            if (value.isEmpty()) {
                value = DEFAULTS.get(key);
            }
            read.put(key, value);
        }
        return value;
    }

    private static String normalized(String value) {
        return value == null ? "" : value.trim();
    }

    private boolean bool(String key) {
        String value = value(key);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw malformed(key, "true or false");
    }

    private long wholeNumber(String key, long max) {
        String value = value(key);
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(key, "a whole number from 0 to " + max);
    }

    private IllegalArgumentException malformed(String key, String accepted) {
        return new IllegalArgumentException(key + " must be " + accepted + ", was '" + value(key) + "'");
    }
}
