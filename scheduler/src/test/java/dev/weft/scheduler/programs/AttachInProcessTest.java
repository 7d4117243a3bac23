package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code -javaagent} the runtime attaches the agent at first use. On Linux it loads it into
 * its own JVM through the attach socket (no helper JVM); where that is off or unsafe it attaches
 * through byte-buddy-agent's helper JVM. Either way the race is found and the fix passes, and the
 * signal that opens the socket never shows as a thread dump or ends the JVM.
 */
class AttachInProcessTest {

    @Test
    void attachesInItsOwnProcess(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        String output = run(tmp);
        assertThat(output).contains("how=attach in-process=true ").doesNotContain("Full thread dump");
        assertFindsTheRaceAndPassesTheFix(output);
    }

    @Test
    void attachesThroughAHelperJvm_whenTurnedOff(@TempDir Path tmp) throws Exception {
        String output = run(tmp, "-Dweft.selfAttach=false");
        assertThat(output).contains("how=attach in-process=false ");
        assertFindsTheRaceAndPassesTheFix(output);
    }

    @Test
    void neverSignalsAJvmThatLeavesSigquitToTheProgram(@TempDir Path tmp) throws Exception {
        // -Xrs: the JVM does not handle SIGQUIT, which would then end it
        String output = run(tmp, "-Xrs");
        assertThat(output).contains("how=attach in-process=false ");
        assertFindsTheRaceAndPassesTheFix(output);
    }

    private static void assertFindsTheRaceAndPassesTheFix(String output) {
        assertThat(output).contains("buggy-found=true fixed-found=false failures=[]");
    }

    private static String run(Path tmp, String... options) throws Exception {
        List<String> jvmOptions = new ArrayList<>(List.of(options));
        jvmOptions.add("-Djava.io.tmpdir=" + tmp);
        ChildJvm.Result jvm = ChildJvm.run(jvmOptions, CommandLineAgentMain.class, List.of(), 120);
        assertThat(jvm.exitValue()).as(jvm.output()).isZero();
        return jvm.output();
    }
}
