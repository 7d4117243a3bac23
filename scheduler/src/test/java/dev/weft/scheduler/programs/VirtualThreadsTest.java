package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Virtual threads started by the code under test — directly, by builders, by the virtual-thread-per-task
 * executor — are logical threads like platform ones: interleaved (the lost update is found), joined
 * (a join never returns before the thread ran: the counter was 0 before), parked, deadlocked, replayed.
 * The programs are compiled for Java 21 ({@code src/test/java21}, a profile active on JDK 21 and later).
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21 or later")
class VirtualThreadsTest {

    private static Program program(String name, Object... arguments) {
        try {
            Class<?> programs = Class.forName("dev.weft.scheduler.programs.VirtualThreadPrograms");
            for (var method : programs.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                    return (Program) method.invoke(null, arguments);
                }
            }
            throw new IllegalArgumentException("no program " + name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Explores with the race detector on: a fixed program must not have a false race either. */
    private static Exploration explore(Program program, int executions) {
        return new Explorer(ControlledRuntime.get()).explore(program,
                ExplorationSettings.of(new StrategySpec.Portfolio(), 3, executions).withDetection(DetectionMode.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ofVirtualStart", "startVirtualThread", "perTaskExecutor", "poolOfVirtualThreads", "ofPlatformStart", "lockOrder"})
    void fixedProgram_passes(String name) {
        Exploration exploration = explore(program(name, true), 500);
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"namedUnstarted", "parkedUntilCountedDown"})
    void program_passes(String name) {
        Exploration exploration = explore(program(name), 300);
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}, races {1}")
    @CsvSource({
        "ofVirtualStart, OFF, exception in thread 0: java.lang.AssertionError: counter 1",
        "ofVirtualStart, FAIL, data race on VirtualThreadPrograms$Counter#1.value",
        "startVirtualThread, OFF, exception in thread 0: java.lang.AssertionError: counter 1",
        "ofPlatformStart, OFF, exception in thread 0: java.lang.AssertionError: counter 1",
        "lockOrder, OFF, deadlock: thread ",
        "perTaskExecutor, OFF, exception in thread 0: java.lang.AssertionError: map {k=1}",
        "poolOfVirtualThreads, OFF, exception in thread 0: java.lang.AssertionError: counter 1",
        "perTaskExecutor, FAIL, data race on HashMap#1"})
    void buggyProgram_isFound_andReplaysToTheSameTrace(String name, DetectionMode races, String headline) {
        Program program = program(name, false);
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 3, 2_000).withDetection(races));
        assertThat(exploration.failure()).as("%s should be found", name).isPresent();
        Failure failure = exploration.failure().get();
        assertThat(failure.outcome().headline()).startsWith(headline.strip());
        ExplorationSettings replay = ExplorationSettings.of(new StrategySpec.Portfolio(), 3, 1).withDetection(races);
        ExecutionResult first = explorer.replay(program, failure, replay);
        ExecutionResult second = explorer.replay(program, failure, replay);
        assertThat(first.outcome().getClass()).isEqualTo(failure.outcome().getClass());
        assertThat(first.outcome().headline()).isEqualTo(second.outcome().headline());
        assertThat(first.trace()).isNotEmpty().isEqualTo(second.trace());
    }
}
