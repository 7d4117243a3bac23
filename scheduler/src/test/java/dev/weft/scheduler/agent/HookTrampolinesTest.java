package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every call from the hooks into the runtime goes through a trampoline the JIT must not inline. */
class HookTrampolinesTest {

    @ParameterizedTest
    @MethodSource("hookClasses")
    void rewrittenHooks_callTheRuntimeOnlyFromDontInlineTrampolines(String hookClass) throws IOException {
        byte[] original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(hookClass + ".class")) {
            original = in.readAllBytes();
        }
        List<String> before = runtimeCallers(original);
        byte[] rewritten = HookTrampolines.rewrite(original);
        List<String> after = runtimeCallers(rewritten);
        List<String> dontInline = MethodCalls.annotated(rewritten, "Ljdk/internal/vm/annotation/DontInline;");

        assertThat(before).as("the hooks call the runtime").isNotEmpty().noneMatch(name -> name.startsWith("weft$runtime$"));
        assertThat(after).as("after the rewrite only trampolines do").isNotEmpty().allMatch(name -> name.startsWith("weft$runtime$"));
        assertThat(dontInline).containsExactlyInAnyOrderElementsOf(after.stream().distinct().toList());
        assertThat(trampolineOwners(rewritten)).as("the trampolines are the hook class's own").containsOnly(hookClass);
    }

    @Test
    void theHookClassesTogether_callTheRuntimeManyTimes() throws IOException {
        int calls = 0;
        for (String hookClass : HookClasses.ALL) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(hookClass + ".class")) {
                calls += runtimeCallers(in.readAllBytes()).size();
            }
        }
        assertThat(calls).as("calls into the runtime from all hook classes").isGreaterThan(50);
    }

    static List<String> hookClasses() {
        return HookClasses.ALL;
    }

    /** The owners of the calls to trampolines in the class. */
    private static List<String> trampolineOwners(byte[] hooks) {
        return MethodCalls.of(hooks).stream().filter(call -> call.name().startsWith("weft$runtime$")).map(MethodCalls.Call::owner).toList();
    }

    /** Methods of the class that call into RuntimeHooks, once per call. */
    private static List<String> runtimeCallers(byte[] hooks) {
        return MethodCalls.of(hooks).stream().filter(call -> call.owner().equals("dev/weft/boot/RuntimeHooks")).map(MethodCalls.Call::caller).toList();
    }
}
