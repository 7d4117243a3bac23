package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
        ChildJvm.Result jvm = ChildJvm.run(List.of("-Djava.io.tmpdir=" + tmp), ExitMain.class, List.of(), 150);
        String output = jvm.output();
        assertThat(jvm.exitValue()).as(output).isZero();
        assertThat(output).contains("exit-in-thread=thread 1 called System.exit(3) after 1 execution(s)")
                .contains("halt-in-thread-0=thread 0 called Runtime.halt(4) after 1 execution(s)")
                .contains("exit-by-reflection=thread 1 called System.exit(5) after 1 execution(s)")
                .contains("at dev.weft.scheduler.programs.ExitMain.lambda$main$")
                .contains("later=passed executions=50");
    }
}
