package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code System.exit} and {@code Runtime.halt} called by the program on a managed thread end the
 * execution with a verdict that names the thread, the call, the status and the stack; the JVM does
 * not exit. In a JVM of its own, so that a regression ends that JVM and not the test run.
 */
class ExitTest {

    @Test
    void exitAndHalt_onManagedThreads_areVerdicts_andTheJvmGoesOn(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), ExitMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("exit-in-thread=thread 1 called System.exit(3) after 1 execution(s)")
                .contains("halt-in-thread-0=thread 0 called Runtime.halt(4) after 1 execution(s)")
                .contains("exit-by-reflection=thread 1 called System.exit(5) after 1 execution(s)")
                .contains("at dev.weft.scheduler.programs.ExitMain.lambda$main$")
                .contains("later=passed executions=50");
    }
}
