package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.StrategySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Child processes inside executions (byte-buddy's agent attach, which Mockito's inline mock maker runs
 * on JDK 21+, starts one; so do tests of command-line tools). On JDK 19+ the JDK's reaper thread, which
 * Weft does not run, wakes a thread waiting in {@code Process.waitFor()} through a
 * {@code java.util.concurrent} condition: modelled, the wait looked like a deadlock ('thread 0 waits for
 * an unpark'). Starting a process and waiting for it are one step each, run as without Weft.
 */
class ProcessProgramsTest {

    /** A short-lived child process: {@code true} where there is one, else {@code java -version}. */
    private static final java.util.List<String> COMMAND = System.getProperty("os.name").startsWith("Windows")
            ? java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            : java.util.List.of("true");

    private static int runJava() {
        try {
            Process process = new ProcessBuilder(COMMAND).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoThreadsWaitingForProcesses_pass() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(() -> {
            AtomicInteger exited = new AtomicInteger();
            Thread other = new Thread(() -> {
                if (runJava() == 0) {
                    exited.incrementAndGet();
                }
            });
            other.start();
            if (runJava() == 0) {
                exited.incrementAndGet();
            }
            other.join();
            assertThat(exited.get()).isEqualTo(2);
        }, ExplorationSettings.of(new StrategySpec.RandomWalk(), 3, 2));
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(2);
    }

    @Test
    void lostUpdateBesideAProcess_isFound() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(() -> {
            int[] count = {0};
            runJava();
            Thread other = new Thread(() -> count[0]++);
            other.start();
            count[0]++;
            other.join();
            if (count[0] != 2) {
                throw new AssertionError("lost update: " + count[0]);
            }
        }, ExplorationSettings.of(new StrategySpec.Portfolio(), 5, 50));
        Outcome outcome = exploration.failure().orElseThrow(() -> new AssertionError("the lost update was not found")).outcome();
        assertThat(outcome.headline()).contains("lost update: 1");
    }
}
