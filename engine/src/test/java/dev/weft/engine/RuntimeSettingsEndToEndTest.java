package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's keys ({@code dev.weft.scheduler.runtime.RuntimeSettings}) set where users set the
 * engine's: in {@code junit-platform.properties} or as launcher parameters. Each case runs in a JVM
 * of its own, whose runtime starts as the session opens (or at discovery), the way Surefire runs it.
 */
class RuntimeSettingsEndToEndTest {

    @TempDir
    Path directory;

    @Test
    void keysInJunitPlatformProperties_reachTheRuntime() throws Exception {
        String output = probe("weft.workers=platform\nweft.handoffSpinMicros=7\n");
        assertThat(output).contains("weft.handoffSpinMicros=7", "weft.workers=platform", "workers: platform threads")
                .doesNotContain("issue:");
    }

    @Test
    void aLauncherParameter_reachesTheRuntime_whenTheEngineStartsIt() throws Exception {
        String output = probe("weft.agent.early=false\n", "weft.handoffSpinMicros=9");
        assertThat(output).contains("weft.handoffSpinMicros=9").doesNotContain("issue:");
    }

    @Test
    void aLauncherParameter_thatComesTooLate_isReported() throws Exception {
        String output = probe("weft.handoffSpinMicros=7\n", "weft.handoffSpinMicros=9");
        assertThat(output).contains("weft.handoffSpinMicros=7",
                "issue: weft.handoffSpinMicros=9 cannot take effect: the runtime already uses weft.handoffSpinMicros=7, read"
                        + " before the engine's configuration (give it as a system property: -Dweft.handoffSpinMicros=9)");
    }

    @Test
    void aMalformedValue_keepsTheRuntimeFromStarting_andSaysWhy() throws Exception {
        String output = probe("weft.handoffSpins=lots\nweft.driver=maybe\n");
        assertThat(output).contains("runtime: weft.driver must be true or false, was 'maybe';"
                + " weft.handoffSpins must be a whole number from 0 to 2147483647, was 'lots'");
    }

    /** Runs {@link RuntimeSettingsProbe} with {@code properties} as its {@code junit-platform.properties}. */
    private String probe(String properties, String... launcherParameters) throws IOException, InterruptedException {
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Files.writeString(classes.resolve("junit-platform.properties"), properties, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + directory, "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                RuntimeSettingsProbe.class.getName()));
        command.addAll(List.of(launcherParameters));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return output;
    }
}
