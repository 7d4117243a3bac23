package dev.weft.engine.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that the JUnit artifacts on the class path belong to one release and to a Platform Weft runs
 * on (1.13 or later: JUnit 5.13+, and JUnit 6). Mixed versions (a {@code junit-jupiter} 6 beside the
 * {@code junit-platform-engine} 1.x that {@code weft-engine} asks for, without the JUnit BOM) fail
 * with errors deep inside the engines, or run nothing; this names the versions and the remedy instead.
 */
public final class PlatformVersions {

    /** Artifact to a class of it; the Platform's own first, then Jupiter's engine, numbered 5.x for Platform 1.x. */
    private static final Map<String, String> PROBES = probes();

    private PlatformVersions() {}

    private static Map<String, String> probes() {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("junit-platform-engine", "org.junit.platform.engine.TestEngine");
        probes.put("junit-platform-commons", "org.junit.platform.commons.JUnitException");
        probes.put("junit-platform-launcher", "org.junit.platform.launcher.Launcher");
        probes.put("junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine");
        return probes;
    }

    /** The problem with the JUnit artifacts this engine was loaded with, if any. */
    public static Optional<String> problem() {
        ClassLoader loader = PlatformVersions.class.getClassLoader();
        Map<String, String> versions = new LinkedHashMap<>();
        PROBES.forEach((artifact, probe) -> version(probe, loader).ifPresent(version -> versions.put(artifact, version)));
        return problem(versions);
    }

    /**
     * The problem with these artifact versions (as their jars' manifests give them), if any.
     * Jupiter 5.x goes with Platform 1.x of the same minor and patch; from 6.0 on, the numbers are the same.
     */
    static Optional<String> problem(Map<String, String> versions) {
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> platform = new LinkedHashMap<>();
        versions.forEach((artifact, version) -> platform.put(artifact,
                artifact.startsWith("junit-jupiter") && version.startsWith("5.") ? "1." + version.substring(2) : version));
        String listed = versions.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        if (platform.values().stream().distinct().count() > 1) {
            return Optional.of("junit artifacts of different releases are on the test class path, was " + listed
                    + "; import one org.junit:junit-bom (5.14.x or 6.x) in dependencyManagement, or declare the same"
                    + " JUnit version everywhere, and do not pin junit-platform-* artifacts alone");
        }
        String engine = platform.get("junit-platform-engine");
        if (engine != null && !supported(engine)) {
            return Optional.of("weft needs JUnit Platform 1.13 or later (JUnit 5.13+ or JUnit 6), was " + listed
                    + "; import org.junit:junit-bom 5.14.x or 6.x in dependencyManagement");
        }
        return Optional.empty();
    }

    private static boolean supported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 13);
        } catch (NumberFormatException e) {
            return true; // an unusual version string: let the platform speak for itself
        }
    }

    private static Optional<String> version(String className, ClassLoader loader) {
        try {
            Class<?> probe = Class.forName(className, false, loader);
            return Optional.ofNullable(probe.getPackage().getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
