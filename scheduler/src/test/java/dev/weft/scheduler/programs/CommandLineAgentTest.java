package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent given with {@code -javaagent} (as the README's Surefire {@code argLine} does): it
 * registers its transformer in {@code premain} and rewrites the JDK classes loaded before it on a
 * thread of its own while the JVM goes on; the first execution waits for that. The HashMap race is
 * found and the ConcurrentHashMap version passes, in a fresh JVM.
 */
class CommandLineAgentTest {

    @Test
    void agentGivenOnTheCommandLine_findsTheRace_andPassesTheFix(@TempDir Path dir) throws Exception {
        // the agent's classes come from the class path; the jar only names them (as the real jar's manifest does)
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "dev.weft.scheduler.agent.WeftAgent");
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = dir.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            // the manifest is all it holds
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-javaagent:" + jar, "-cp", System.getProperty("java.class.path"),
                CommandLineAgentMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("how=-javaagent ").contains("buggy-found=true").contains("fixed-found=false")
                .contains("failures=[]");
        Matcher retransformed = Pattern.compile("retransformed=(\\d+)").matcher(output);
        assertThat(retransformed.find()).as(output).isTrue();
        assertThat(Integer.parseInt(retransformed.group(1))).as("JDK classes loaded before the agent, rewritten").isGreaterThan(10);
    }
}
