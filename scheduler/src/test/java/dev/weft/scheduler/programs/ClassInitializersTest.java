package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class initializers of libraries Weft does not instrument run without preemption: AssertJ and
 * Hamcrest used for the first time in two started threads, with a switch at every scheduling point,
 * pass, and pass again (no class left broken), with the agent attached at run time and given with
 * {@code -javaagent}. Each in a fresh JVM: in this one the libraries are initialized
 * already. Without the wrapping, AssertJ's first use stalls 20 s and leaves
 * {@code ConfigurationProvider} broken for good.
 */
class ClassInitializersTest {

    // Not Mockito, whose set-up in two threads at once passed in some runs only: attached at run time,
    // the JDK's proxy generator's table of primitive types is filled before any execution (the attach
    // reads the JVM's options through a management proxy) and looked up inside one with the
    // execution's identity hash codes, and misses; with -javaagent, a thread switched out inside
    // synchronized JDK code that Weft does not instrument (the security providers behind
    // File.createTempFile) leaves the other blocked inside the JVM (reported as uncontrolled).

    @Test
    void libraryInitializersInStartedThreads_attached(@TempDir Path tmp) throws Exception {
        assertAllPass(run(tmp, List.of(), "assertj", "hamcrest"), "assertj", "hamcrest");
    }

    @Test
    void libraryInitializersInStartedThreads_javaagent(@TempDir Path tmp) throws Exception {
        Path jar = ChildJvm.agentJar(tmp);
        String output = run(tmp, List.of("-javaagent:" + jar), "assertj", "hamcrest");
        assertThat(output).contains("how=-javaagent ");
        assertAllPass(output, "assertj", "hamcrest");
    }

    private static void assertAllPass(String output, String... libraries) {
        for (String library : libraries) {
            assertThat(output).as(output).contains(library + "-1=passed").contains(library + "-2=passed");
        }
        assertThat(output).contains("failures=[]");
        // the strategy did switch: inside the libraries' code, outside their class initializers
        assertThat(output).doesNotContain("switches=0 ");
    }

    private static String run(Path tmp, List<String> options, String... libraries) throws Exception {
        List<String> jvmOptions = new ArrayList<>(options);
        jvmOptions.add("-Djava.io.tmpdir=" + tmp);
        return ChildJvm.run(jvmOptions, ClassInitializersMain.class, List.of(libraries), 150).output();
    }
}
