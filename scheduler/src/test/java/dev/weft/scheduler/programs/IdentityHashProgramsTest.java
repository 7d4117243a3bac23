package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Identity hashes inside executions: deterministic for the objects an execution creates, and never
 * different from the JVM's for objects whose hash was decided elsewhere — the JDK's own tables
 * (proxy classes, jar files behind {@code getResource}) are filled outside executions and looked up
 * inside them.
 */
class IdentityHashProgramsTest {

    private static final int RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000);

    interface Greeter {
        String greet(String name);

        int count();
    }

    private static void passes(Program program, int executions) {
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 11, executions));
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(executions);
    }

    @Test
    void dynamicProxy_createdInsideAndUsedByTwoThreads_passesThousandsOfExecutions() {
        passes(() -> {
            AtomicInteger calls = new AtomicInteger();
            Greeter greeter = (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(), new Class<?>[] {Greeter.class},
                    (proxy, method, args) -> method.getName().equals("greet") ? "hi " + args[0] : calls.incrementAndGet());
            Thread other = new Thread(() -> Programs.check(greeter.greet("a").equals("hi a"), "greet(a)"));
            other.start();
            Programs.check(greeter.greet("b").equals("hi b"), "greet(b)");
            greeter.count();
            other.join();
            Programs.check(greeter.count() == 2, "count");
        }, RUNS);
    }

    @Test
    void resourceFromAJar_readByTwoThreads_passesThousandsOfExecutions() throws Exception {
        String jar = Test.class.getResource("/META-INF/MANIFEST.MF").toString();
        assertThat(jar).startsWith("jar:");
        passes(() -> {
            AtomicInteger read = new AtomicInteger();
            Runnable reader = () -> {
                try (InputStream in = Test.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
                    if (in.readAllBytes().length > 0) {
                        read.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            };
            Thread other = new Thread(reader);
            other.start();
            reader.run();
            other.join();
            Programs.check(read.get() == 2, "read " + read.get());
        }, RUNS);
    }

    @Test
    void objectsHashedOutside_keepTheirHashInside_andTablesFilledOutsideFindThem() {
        Object outside = new Object();
        int hash = System.identityHashCode(outside);
        Map<Object, String> filledOutside = new HashMap<>();
        Object key = new Object();
        filledOutside.put(key, "found");
        Set<Class<?>> classes = new HashSet<>(List.of(int.class, Object.class, String.class));
        passes(() -> {
            Programs.check(System.identityHashCode(outside) == hash, "identityHashCode changed inside");
            Programs.check(outside.hashCode() == hash, "hashCode() changed inside");
            Programs.check("found".equals(filledOutside.get(key)), "HashMap filled outside missed its key");
            Programs.check(classes.contains(int.class) && classes.contains(String.class), "HashSet of classes missed");
        }, 50);
    }

    @Test
    void objectsHash_ofObjectsMadeInside_isTheSameInEveryRunOfTheExecution() {
        List<Integer> hashes = new ArrayList<>();
        Program program = () -> {
            Object first = new Object();
            Object second = new Object();
            hashes.add(java.util.Objects.hash(first, second));
            hashes.add(java.util.Arrays.hashCode(new Object[] {second}));
        };
        Explorer explorer = new Explorer(ControlledRuntime.get());
        explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 9, 1));
        List<Integer> first = List.copyOf(hashes.subList(hashes.size() - 2, hashes.size()));
        explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 9, 1));
        List<Integer> second = List.copyOf(hashes.subList(hashes.size() - 2, hashes.size()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void hashDecidedInside_isTheJvmsHashAfterwards_andTheSameInEveryRunOfTheExecution() {
        List<Object> created = new ArrayList<>();
        List<Integer> hashes = new ArrayList<>();
        Program program = () -> {
            Object made = new Object();
            Map<Object, Integer> map = new ConcurrentHashMap<>();
            map.put(made, 1);
            created.add(made);
            hashes.add(System.identityHashCode(made));
        };
        Explorer explorer = new Explorer(ControlledRuntime.get());
        explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 5, 3));
        List<Integer> first = List.copyOf(hashes.subList(hashes.size() - 3, hashes.size()));
        explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 5, 3));
        List<Integer> second = List.copyOf(hashes.subList(hashes.size() - 3, hashes.size()));
        explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 6, 3));
        List<Integer> otherSeed = List.copyOf(hashes.subList(hashes.size() - 3, hashes.size()));
        for (int i = 0; i < created.size(); i++) {
            assertThat(System.identityHashCode(created.get(i))).as("object %d after its execution", i).isEqualTo(hashes.get(i));
        }
        // the same seed gives the same hashes (the objects of the first exploration, decided by then, change nothing)
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
    }
}
