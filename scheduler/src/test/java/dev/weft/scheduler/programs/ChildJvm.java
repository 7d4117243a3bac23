package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A JVM of its own for a test, started with this JVM's {@code java} and class path: for what must
 * start fresh (the agent on the command line, a JVM-wide property) or may end the JVM it runs in.
 */
final class ChildJvm {

    private ChildJvm() {}

    /** What the JVM printed (standard output and error together) and its exit value. */
    record Result(String output, int exitValue) {}

    /**
     * Runs {@code main} with {@code options} before the class path and {@code args} after it; the test
     * fails, with what the JVM printed, when it does not end within {@code timeoutSeconds}.
     */
    static Result run(List<String> options, Class<?> main, List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        // to a file, not a pipe: a JVM that hangs cannot block the test on a read
        Path log = Files.createTempFile("weft-child-jvm-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the JVM ended within %d s: %s", timeoutSeconds, output).isTrue();
            return new Result(output, process.exitValue());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * A jar for {@code -javaagent} whose manifest names Weft's agent, as the real jar's does, and that
     * holds nothing else: the agent's classes come from the class path.
     */
    static Path agentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "dev.weft.scheduler.agent.WeftAgent");
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = dir.resolve("agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // the manifest is all it holds
        }
        return jar;
    }
}
