package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The jar relocates ASM and byte-buddy-agent under {@code dev.weft.shaded}, and with them every string
 * constant of Weft's classes that starts with their package names. A constant naming the user's copy of
 * those libraries (which classes the agent must leave alone) would then silently name Weft's copy: such
 * names are built at run time. Only names of the libraries' own class files (hashed by the rewrite cache)
 * may be constants, since they are meant to follow the relocation.
 */
class RelocationSafeConstantsTest {

    private static final List<String> RELOCATED = List.of("org/objectweb/asm", "org.objectweb.asm", "net/bytebuddy",
            "net.bytebuddy");

    @Test
    void noStringConstantNamesARelocatedPackageExceptItsClassFiles() throws Exception {
        Path classes = Path.of(WeftAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                for (String constant : stringConstants(file)) {
                    if (RELOCATED.stream().anyMatch(constant::startsWith) && !constant.endsWith(".class")) {
                        found.add(classes.relativize(file) + ": \"" + constant + "\"");
                    }
                }
            }
        }
        assertThat(found).as("string constants the jar's relocation would rewrite").isEmpty();
    }

    @Test
    void theUsersAsmAndByteBuddyAreRewrittenAsTooling_weftsOwnCopiesNotAtAll() {
        // the user's copies: tooling (their class initializers run without preemption; byte-buddy's
        // monitors are modelled, as Mockito uses it from the test's threads), never application code
        assertThat(InstrumentationScope.modeOf("org/objectweb/asm/ClassReader", ClassLoader.getSystemClassLoader()))
                .isEqualTo(InstrumentationScope.Mode.INIT_ONLY);
        assertThat(InstrumentationScope.modeOf("net/bytebuddy/ByteBuddy", ClassLoader.getSystemClassLoader()))
                .isEqualTo(InstrumentationScope.Mode.MONITORS);
        assertThat(InstrumentationScope.modeOf("net/bytebuddy/agent/ByteBuddyAgent", ClassLoader.getSystemClassLoader()))
                .isEqualTo(InstrumentationScope.Mode.INIT_ONLY);
        // Weft's relocated copies: never rewritten
        assertThat(InstrumentationScope.modeOf("dev/weft/shaded/asm/ClassReader", ClassLoader.getSystemClassLoader()))
                .isEqualTo(InstrumentationScope.Mode.NONE);
        assertThat(InstrumentationScope.modeOf("dev/weft/shaded/bytebuddy/agent/ByteBuddyAgent", ClassLoader.getSystemClassLoader()))
                .isEqualTo(InstrumentationScope.Mode.NONE);
    }

    private static List<String> stringConstants(Path file) throws IOException {
        List<String> constants = new ArrayList<>();
        new ClassReader(Files.readAllBytes(file)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String text) {
                            constants.add(text);
                        }
                    }
                };
            }

            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if (value instanceof String text) {
                    constants.add(text);
                }
                return null;
            }
        }, ClassReader.SKIP_FRAMES);
        return constants;
    }
}
