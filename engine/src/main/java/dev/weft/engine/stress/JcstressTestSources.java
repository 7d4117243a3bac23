package dev.weft.engine.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes jcstress tests for map scenarios declared in spec files: the command line of Weft's jcstress
 * bridge.
 *
 * <pre>
 * java -cp weft-engine.jar:weft-models.jar:weft-scheduler.jar dev.weft.engine.stress.JcstressTestSources \
 *     --package com.example.stress --out target/generated-sources/weft-bridge src/jcstress/bridge
 * </pre>
 *
 * <p>Each argument after the options is a spec file or a folder of them ({@code *.properties}; a
 * missing or empty argument is skipped). The {@code .java} files already in the package's folder under
 * {@code --out} are deleted first: the folder holds the tests of the current spec files only. A spec file {@code Name.properties} declares the test {@code
 * Name}:
 *
 * <pre>
 * # the scenario: a replay token of a map-form test, or a scenario text
 * scenario = w1.hAEBAgYg…
 * # a class with a constructor without parameters, or an expression making a fresh Map&lt;Integer, Integer&gt;
 * map = new com.example.StripedMap&lt;&gt;(4)
 * # linearizable: a NOT_LINEARIZABLE outcome fails the run; bug: it is interesting
 * expect = linearizable
 * # optional: a sentence on what the test shows
 * description = …
 * </pre>
 *
 * Exits 0 after writing every test, 2 on a bad spec (the message names the file, the key, the bad
 * value and the fix) or bad usage.
 */
public final class JcstressTestSources {

    private static final Set<String> KEYS = Set.of("scenario", "map", "expect", "description");

    private JcstressTestSources() {
    }

    /** Runs the command line; see the class comment. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns its exit status; messages go to {@code out} and {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String packageName = null;
        Path outDir = null;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--package" -> packageName = i + 1 < args.length ? args[++i] : null;
                case "--out" -> outDir = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> inputs.add(args[i]);
            }
        }
        if (packageName == null || outDir == null) {
            err.println("usage: JcstressTestSources --package <package> --out <source folder> <spec file or folder>...");
            return 2;
        }
        try {
            List<JcstressTestSource> tests = new ArrayList<>();
            for (String input : inputs) {
                for (Path spec : specFiles(input)) {
                    tests.add(read(spec, packageName));
                }
            }
            // tests of spec files since removed must not linger
            Path packageDir = outDir.resolve(packageName.replace('.', '/'));
            if (Files.isDirectory(packageDir)) {
                try (Stream<Path> old = Files.list(packageDir)) {
                    for (Path file : old.filter(file -> file.toString().endsWith(".java")).toList()) {
                        Files.delete(file);
                    }
                }
            }
            for (JcstressTestSource test : tests) {
                Path file = outDir.resolve(test.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, test.render(), StandardCharsets.UTF_8);
            }
            out.println("weft jcstress bridge: wrote " + tests.size() + " test" + (tests.size() == 1 ? "" : "s")
                    + " to " + outDir);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("weft jcstress bridge: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("weft jcstress bridge: cannot write the tests: " + e);
            return 2;
        }
    }

    private static List<Path> specFiles(String input) throws IOException {
        if (input.isBlank()) {
            return List.of();
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(file -> file.getFileName().toString().endsWith(".properties")).sorted().toList();
            }
        }
        if (!Files.exists(path)) {
            return List.of();
        }
        return List.of(path);
    }

    /**
     * Reads one spec file.
     *
     * @throws IllegalArgumentException naming the file, the key and the bad value
     */
    static JcstressTestSource read(Path spec, String packageName) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(spec, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String where = spec.getFileName().toString();
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown key " + String.join(", ", unknown)
                    + "; a spec has scenario, map, expect and description");
        }
        String className = where.substring(0, where.length() - ".properties".length());
        try {
            JcstressTestSource test = new JcstressTestSource(packageName, className,
                    required(properties, "scenario", "a replay token of a map-form test (w1.…) or a scenario text such as \""
                            + ScenarioText.EXAMPLE + "\""),
                    required(properties, "map", "a class such as java.util.HashMap or an expression such as"
                            + " new com.example.StripedMap<>(4)"),
                    JcstressTestSource.Expectation.named(required(properties, "expect", "linearizable or bug")),
                    properties.getProperty("description", ""),
                    where);
            StressScenario.from(test.scenarioSource());
            return test;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties properties, String key, String what) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " is missing; give " + what);
        }
        return value;
    }
}
