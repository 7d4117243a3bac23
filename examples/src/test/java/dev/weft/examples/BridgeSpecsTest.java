package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.stress.JcstressTestSources;
import dev.weft.engine.stress.StressScenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jcstress bridge's spec files (src/jcstress/bridge) are checked in the normal build, without
 * jcstress: each becomes a test source, and each holds the scenario of the catalogue report it names.
 */
class BridgeSpecsTest {

    private static final Path SPECS = Path.of("src/jcstress/bridge");

    @TempDir
    Path out;

    @Test
    void everySpec_becomesATestSource() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JcstressTestSources.run(new String[] {"--package", "dev.weft.examples.jcstress.bridge", "--out",
                out.toString(), SPECS.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.resolve("dev/weft/examples/jcstress/bridge"))
                .isDirectoryContaining("glob:**/HashMapScenarioTest.java")
                .isDirectoryContaining("glob:**/ConcurrentHashMapScenarioTest.java")
                .isDirectoryContaining("glob:**/BuggyStripedMapScenarioTest.java")
                .isDirectoryContaining("glob:**/StripedMapScenarioTest.java");
    }

    @Test
    void entry1_specs_holdTheScenarioOfTheSessionMapReport() throws IOException {
        String text = "thread 1: put(1, 2) | thread 2: put(1, 2)";
        assertThat(scenario("HashMapScenarioTest").text()).isEqualTo(text);
        assertThat(scenario("ConcurrentHashMapScenarioTest").text()).isEqualTo(text);
        assertThat(scenario("HashMapScenarioTest").origin())
                .startsWith("scenario 4 of a Weft map-form test, seed 1, shrunk from 2 threads, 4 operations");
    }

    @Test
    void entry5_specs_holdTheScenarioOfTheStripedMapReport() throws IOException {
        String text = "thread 1: put(2, 2); put(3, 1) | thread 2: put(2, 1); clear(); size()";
        assertThat(scenario("BuggyStripedMapScenarioTest").text()).isEqualTo(text);
        assertThat(scenario("StripedMapScenarioTest").text()).isEqualTo(text);
        assertThat(scenario("StripedMapScenarioTest").origin())
                .startsWith("scenario 30 of a Weft map-form test, seed 1, shrunk from 2 threads, 6 operations");
    }

    private static StressScenario scenario(String name) throws IOException {
        Properties spec = new Properties();
        try (Reader reader = Files.newBufferedReader(SPECS.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            spec.load(reader);
        }
        return StressScenario.from(spec.getProperty("scenario"));
    }
}
