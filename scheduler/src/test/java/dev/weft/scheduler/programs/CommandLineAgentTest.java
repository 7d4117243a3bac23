package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent given with {@code -javaagent} (as the README's Surefire {@code argLine} does): it
 * registers its transformer in {@code premain} and rewrites the JDK classes loaded before it on a
 * thread of its own while the JVM goes on; the first execution waits for that. The HashMap race is
 * found and the ConcurrentHashMap version passes, in a fresh JVM; and again in a second JVM that reads
 * those classes rewritten from the first one's cache.
 */
class CommandLineAgentTest {

    @Test
    void agentGivenOnTheCommandLine_findsTheRace_andPassesTheFix(@TempDir Path dir) throws Exception {
        Path jar = ChildJvm.agentJar(dir);
        // a temporary directory of its own: the first JVM rewrites the JDK classes loaded before the
        // agent and keeps them there, the second reads them back instead of rewriting them
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String first = run(jar, tmp);
        String second = run(jar, tmp);
        assertThat(first).contains("cached=false");
        assertThat(second).contains("cached=true");
        Path cache;
        try (var files = Files.list(tmp)) {
            List<Path> caches = files.filter(f -> f.getFileName().toString().startsWith("weft-rewrites-")).toList();
            assertThat(caches).hasSize(1);
            cache = caches.get(0);
        }
        // a damaged file is not used: the classes are rewritten again (and the file replaced)
        byte[] damaged = Files.readAllBytes(cache);
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(cache, damaged);
        String third = run(jar, tmp);
        assertThat(third).contains("cached=false");
        assertThat(Files.readAllBytes(cache)).isNotEqualTo(damaged);
        for (String output : new String[] {first, second, third}) {
            assertThat(output).contains("how=-javaagent ").contains("buggy-found=true").contains("fixed-found=false")
                    .contains("failures=[]");
            Matcher retransformed = Pattern.compile("retransformed=(\\d+)").matcher(output);
            assertThat(retransformed.find()).as(output).isTrue();
            assertThat(Integer.parseInt(retransformed.group(1))).as("JDK classes loaded before the agent, rewritten").isGreaterThan(10);
        }
        // the same failing execution, replayed with its trace, reads the same with rewritten classes
        // from the cache: their sites got the ids the cached bytes carry
        assertThat(trace(second)).contains("HashMap.java:").isEqualTo(trace(first)).isEqualTo(trace(third));
        // a JDK class first loaded by the program: rewritten as it loads in the first JVM, kept as that
        // JVM exits, taken from the cache as it loads in the second, with the same sites
        assertThat(loadedFromCache(first)).isZero();
        assertThat(loadedFromCache(second)).isPositive();
        assertThat(section(second, "skiplist")).contains("ConcurrentSkipListMap.java:")
                .isEqualTo(section(first, "skiplist")).isEqualTo(section(third, "skiplist"));
    }

    private static String trace(String output) {
        return section(output, "trace");
    }

    private static String section(String output, String name) {
        int begin = output.indexOf(name + "-begin");
        int end = output.indexOf(name + "-end");
        assertThat(begin).as(output).isGreaterThanOrEqualTo(0);
        return output.substring(begin, end);
    }

    private static int loadedFromCache(String output) {
        Matcher matcher = Pattern.compile("loaded-from-cache=(\\d+)").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String run(Path jar, Path tmp) throws Exception {
        return ChildJvm.run(List.of("-javaagent:" + jar, "-Djava.io.tmpdir=" + tmp), CommandLineAgentMain.class, List.of(), 120).output();
    }
}
