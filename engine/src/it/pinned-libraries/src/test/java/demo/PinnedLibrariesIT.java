package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.api.ConcurrencyTest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class PinnedLibrariesIT {

    @Test
    void theProjectGetsTheVersionsItPinned() {
        assertEquals("2.9.10", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        // ASM 5 knows class files up to Java 8 only, and has no ASM6 API constant
        assertThrows(NoSuchFieldException.class, () -> Opcodes.class.getField("ASM6"));
        String byteBuddyJar = net.bytebuddy.agent.ByteBuddyAgent.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath();
        assertTrue(byteBuddyJar.endsWith("byte-buddy-agent-1.10.22.jar"), byteBuddyJar);
    }

    /** Both threads use the project's own ASM and Jackson inside the controlled execution. */
    @ConcurrencyTest(schedules = 100)
    void oldLibrariesInsideAnExecution_work() throws InterruptedException {
        AtomicInteger generatedBytes = new AtomicInteger();
        Runnable work = () -> {
            ClassWriter writer = new ClassWriter(0);
            writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "demo/Generated", null, "java/lang/Object", null);
            writer.visitEnd();
            generatedBytes.addAndGet(writer.toByteArray().length > 0 ? 1 : 0);
            try (JsonParser parser = new JsonFactory().createParser("{\"n\": 1}")) {
                while (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    // skip to the number
                }
                generatedBytes.addAndGet(parser.getIntValue());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        Thread other = new Thread(work);
        other.start();
        work.run();
        other.join();
        assertEquals(4, generatedBytes.get());
    }

    static final class Totals {
        int count;
    }

    /** A lost update: Weft must still find it with the old libraries on the class path. */
    @ConcurrencyTest(schedules = 500)
    void unsynchronizedCount_losesAnUpdate() throws InterruptedException {
        Totals totals = new Totals();
        Thread other = new Thread(() -> totals.count++);
        other.start();
        totals.count++;
        other.join();
        assertEquals(2, totals.count);
    }
}
