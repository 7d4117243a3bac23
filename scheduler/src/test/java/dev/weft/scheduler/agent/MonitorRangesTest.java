package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import dev.weft.scheduler.programs.OldClassFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The hook calls around a monitor lie outside the catch-all range that releases it: a call made with
 * the monitor released inside that range is an exception edge into a second release, which the JIT
 * reads as unbalanced monitors, and it then never compiles the method (it stays interpreted).
 */
class MonitorRangesTest {

    static final class Guarded {
        private final Object lock = new Object();
        private int value;

        int block(int delta) {
            synchronized (lock) {
                if (delta < 0) {
                    return value; // a return inside the block: a second release path
                }
                value += delta;
            }
            return value;
        }

        synchronized int method(int delta) {
            if (delta < 0) {
                return value;
            }
            value += delta;
            return value;
        }

        synchronized void plain() {
            value++;
        }
    }

    @Test
    void synchronizedBlocksAndMethods_callTheirHooksOutsideTheCatchAllRange() throws IOException {
        ClassNode guarded = rewritten(Guarded.class.getName(), getClass().getClassLoader());
        for (String name : List.of("block", "method", "plain")) {
            MethodNode method = method(guarded, name);
            assertThat(monitorHooks(method)).as(name).isNotEmpty();
            assertThat(hooksInsideCatchAll(method)).as(name).isEmpty();
        }
    }

    @Test
    void concurrentHashMapWritesCallTheirHooksOutsideTheCatchAllRange() throws IOException {
        ClassNode map = rewritten("java.util.concurrent.ConcurrentHashMap", null);
        for (String name : List.of("putVal", "replaceNode", "computeIfAbsent", "clear")) {
            MethodNode method = method(map, name);
            assertThat(monitorHooks(method)).as(name).isNotEmpty();
            assertThat(hooksInsideCatchAll(method)).as(name).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.scheduler.programs.OldClassFiles#variants")
    void oldClassFiles_callTheirHooksOutsideTheCatchAllRange(OldClassFiles.Variant variant) {
        ClassNode cell = new ClassNode();
        byte[] rewritten = WeftTransformer.rewrite(OldClassFiles.generate(variant), getClass().getClassLoader(),
                InstrumentationScope.Mode.FULL, false);
        new ClassReader(rewritten).accept(cell, 0);
        List<String> names = new ArrayList<>(List.of("get", "set", "increment", "await", "setAndNotifyAll", "incrementBoth", "addTotal"));
        if (variant.subroutines()) {
            names.add("incrementInJsrBlock");
        }
        for (String name : names) {
            MethodNode method = method(cell, name);
            assertThat(monitorHooks(method)).as(name).isNotEmpty();
            assertThat(hooksInsideCatchAll(method)).as(name).isEmpty();
            assertThat(method.access & Opcodes.ACC_SYNCHRONIZED).as(name).isZero();
        }
    }

    private static List<MethodInsnNode> monitorHooks(MethodNode method) {
        List<MethodInsnNode> hooks = new ArrayList<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(HookClasses.SYNC)
                    && (call.name.equals("monitorExit") || call.name.equals("monitorEnter"))) {
                hooks.add(call);
            }
        }
        return hooks;
    }

    /** Monitor hook calls inside a catch-all range whose handler releases a monitor, as "name@index". */
    private static List<String> hooksInsideCatchAll(MethodNode method) {
        List<String> inside = new ArrayList<>();
        for (MethodInsnNode hook : monitorHooks(method)) {
            int at = method.instructions.indexOf(hook);
            for (TryCatchBlockNode range : method.tryCatchBlocks) {
                if (range.type == null && method.instructions.indexOf(range.start) <= at && at < method.instructions.indexOf(range.end)
                        && releasesMonitor(range.handler)) {
                    inside.add(hook.name + "@" + at);
                }
            }
        }
        return inside;
    }

    private static boolean releasesMonitor(AbstractInsnNode handler) {
        int instructions = 0;
        for (AbstractInsnNode insn = handler; insn != null && instructions < 8; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.MONITOREXIT) {
                return true;
            }
            if (insn.getOpcode() >= 0) {
                instructions++;
            }
        }
        return false;
    }

    private static MethodNode method(ClassNode type, String name) {
        return type.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static ClassNode rewritten(String className, ClassLoader loader) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        byte[] original;
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            original = in.readAllBytes();
        }
        ClassNode node = new ClassNode();
        new ClassReader(WeftTransformer.rewrite(original, loader, InstrumentationScope.Mode.FULL, false)).accept(node, 0);
        return node;
    }
}
