package dev.weft.scheduler.programs;

import java.lang.invoke.MethodHandles;
import java.security.SecureRandom;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Defines, once per JVM, a class named the way cglib names its proxies, with a suffix made up at run
 * time ({@code Counter$$EnhancerByCGLIB$$1638b27b}): its {@code run()} increments {@code counter[0]} of
 * the array it was made with, so its instructions are the sites of a lost update.
 */
final class GeneratedClasses {

    /**
     * Where the class is kept: not in a static of this class, which every execution resets (fresh
     * statics), but outside the program, as cglib keeps its proxies in a cache of its own jar.
     */
    private static final String KEPT_AS = GeneratedClasses.class.getName() + ".counter";

    private GeneratedClasses() {}

    static synchronized Class<?> counter() {
        Class<?> counter = (Class<?>) System.getProperties().get(KEPT_AS);
        if (counter == null) {
            String name = "dev/weft/scheduler/programs/Counter$$EnhancerByCGLIB$$"
                    + Integer.toHexString(new SecureRandom().nextInt() | 0x1000_0000); // really random, even inside an execution
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object",
                    new String[] {"java/lang/Runnable"});
            writer.visitField(Opcodes.ACC_PRIVATE, "counter", "[I", null, null).visitEnd();
            MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "([I)V", null, null);
            init.visitCode();
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(Opcodes.ALOAD, 1);
            init.visitFieldInsn(Opcodes.PUTFIELD, name, "counter", "[I");
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
            MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
            run.visitCode();
            run.visitVarInsn(Opcodes.ALOAD, 0);
            run.visitFieldInsn(Opcodes.GETFIELD, name, "counter", "[I");
            run.visitInsn(Opcodes.ICONST_0);
            run.visitInsn(Opcodes.DUP2);
            run.visitInsn(Opcodes.IALOAD);
            run.visitInsn(Opcodes.ICONST_1);
            run.visitInsn(Opcodes.IADD);
            run.visitInsn(Opcodes.IASTORE);
            run.visitInsn(Opcodes.RETURN);
            run.visitMaxs(0, 0);
            run.visitEnd();
            writer.visitEnd();
            try {
                counter = MethodHandles.lookup().defineClass(writer.toByteArray());
                System.getProperties().put(KEPT_AS, counter);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return counter;
    }

    /** Two threads increment a counter through the generated class; the count must be 2. */
    static dev.weft.scheduler.runtime.Program lostUpdate() {
        return () -> {
            int[] count = {0};
            Runnable increment = (Runnable) counter().getConstructor(int[].class).newInstance((Object) count);
            Thread a = new Thread(increment);
            Thread b = new Thread(increment);
            a.start();
            b.start();
            a.join();
            b.join();
            Programs.check(count[0] == 2, "lost update: " + count[0]);
        };
    }
}
