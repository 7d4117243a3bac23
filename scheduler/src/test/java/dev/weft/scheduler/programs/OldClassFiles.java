package dev.weft.scheduler.programs;

import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Class files as old compilers wrote them, generated with ASM: one class {@code Cell} per variant,
 * with {@code synchronized} methods (instance and static), {@code wait}/{@code notifyAll}, and —
 * where the version allows it — {@code finally} blocks compiled to {@code jsr}/{@code ret} subroutines
 * as javac 1.4 and older did. Each class is defined by a class loader of its own, so the agent
 * rewrites it as it would a library's.
 */
public final class OldClassFiles implements Opcodes {

    /** What the tests call; the generated class implements it. */
    public interface Cell {
        int get();

        void set(int value);

        /** {@code synchronized}: a read-modify-write of {@code value}. */
        void increment();

        /** The same without a lock: a lost update. */
        void incrementRacy();

        /** An unsynchronized read: a data race with {@link #set}. */
        int getRacy();

        /** {@code synchronized}: waits until {@code value >= target}. */
        void await(int target);

        /** {@code synchronized}: sets {@code value} and calls {@code notifyAll()}. */
        void setAndNotifyAll(int value);

        /** {@code synchronized}, calls {@code other.increment()}: two cells crosswise deadlock. */
        void incrementBoth(Cell other);

        /** Calls a {@code static synchronized} read-modify-write of a static field. */
        void addToTotal();

        /** The same without a lock. */
        void addToTotalRacy();

        int total();

        /** {@code synchronized (lock) { value++; }} with the exit in a {@code jsr} subroutine (javac 1.1–1.3). */
        void incrementInJsrBlock(Object lock);

        /** {@code lock.lock(); try { value++; } finally { lock.unlock(); }} with the finally in a subroutine. */
        void incrementWithLockInJsrFinally(Lock lock);
    }

    /**
     * One class file layout.
     *
     * @param version the class file's major version
     * @param frames whether it carries stack-map frames (javac 6 wrote them at 50; earlier compilers never did)
     */
    public record Variant(int version, boolean frames) {
        /** Subroutines cannot be combined with computed frames (nor exist from 51 on). */
        public boolean subroutines() {
            return !frames;
        }

        String className() {
            return "oldbytecode/v" + version + (frames ? "" : "_noframes") + "/Cell";
        }

        @Override
        public String toString() {
            return "class file " + version + (frames ? " with frames" : version >= V1_6 ? " without frames" : "");
        }
    }

    private static final String CELL = Type("Cell");

    private static String Type(String nested) {
        return OldClassFiles.class.getName().replace('.', '/') + "$" + nested;
    }

    private OldClassFiles() {}

    /** Class files 45 (Java 1.1), 49, 50 without and with frames, and 52 as the control. */
    public static Stream<Variant> variants() {
        return Stream.of(new Variant(V1_1, false), new Variant(V1_5, false), new Variant(V1_6, false), new Variant(V1_6, true),
                new Variant(V1_8, true));
    }

    /** A new instance of the variant's class, defined by a loader of its own (one class per call). */
    static Cell newCell(Class<?> type) {
        try {
            return (Cell) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines the variant's class in a fresh loader whose parent sees {@link Cell}. */
    static Class<?> define(Variant variant) {
        byte[] bytes = generate(variant);
        String name = variant.className().replace('/', '.');
        ClassLoader loader = new ClassLoader(OldClassFiles.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String wanted) throws ClassNotFoundException {
                if (wanted.equals(name)) {
                    return defineClass(name, bytes, 0, bytes.length);
                }
                throw new ClassNotFoundException(wanted);
            }
        };
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] generate(Variant variant) {
        String self = variant.className();
        ClassWriter cw = new ClassWriter(variant.frames() ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
        cw.visit(variant.version(), ACC_PUBLIC | ACC_SUPER, self, null, "java/lang/Object", new String[] {CELL});
        cw.visitSource("Cell.java", null);
        cw.visitField(ACC_PRIVATE, "value", "I", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_STATIC, "total", "I", null, null).visitEnd();
        Lines lines = new Lines();

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        end(mv);

        mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "get", "()I", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "value", "I");
        mv.visitInsn(IRETURN);
        end(mv);

        mv = cw.visitMethod(ACC_PUBLIC, "getRacy", "()I", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "value", "I");
        mv.visitInsn(IRETURN);
        end(mv);

        mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "set", "(I)V", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitFieldInsn(PUTFIELD, self, "value", "I");
        mv.visitInsn(RETURN);
        end(mv);

        for (String name : new String[] {"increment", "incrementRacy"}) {
            mv = cw.visitMethod(ACC_PUBLIC | (name.equals("increment") ? ACC_SYNCHRONIZED : 0), name, "()V", null, null);
            mv.visitCode();
            lines.next(mv);
            incrementValue(mv, self, lines);
            mv.visitInsn(RETURN);
            end(mv);
        }

        // synchronized void await(int target) { while (value < target) wait(); }
        mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "await", "(I)V", null, null);
        mv.visitCode();
        Label test = new Label();
        Label done = new Label();
        mv.visitLabel(test);
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "value", "I");
        mv.visitVarInsn(ILOAD, 1);
        mv.visitJumpInsn(IF_ICMPGE, done);
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "wait", "()V", false);
        mv.visitJumpInsn(GOTO, test);
        mv.visitLabel(done);
        lines.next(mv);
        mv.visitInsn(RETURN);
        end(mv);

        mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "setAndNotifyAll", "(I)V", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitFieldInsn(PUTFIELD, self, "value", "I");
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "notifyAll", "()V", false);
        mv.visitInsn(RETURN);
        end(mv);

        mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "incrementBoth", "(L" + CELL + ";)V", null, null);
        mv.visitCode();
        lines.next(mv);
        incrementValue(mv, self, lines);
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEINTERFACE, CELL, "increment", "()V", true);
        mv.visitInsn(RETURN);
        end(mv);

        for (String name : new String[] {"addTotal", "addTotalRacy"}) {
            mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | (name.equals("addTotal") ? ACC_SYNCHRONIZED : 0), name, "()V", null, null);
            mv.visitCode();
            lines.next(mv);
            mv.visitFieldInsn(GETSTATIC, self, "total", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            lines.next(mv);
            mv.visitFieldInsn(PUTSTATIC, self, "total", "I");
            mv.visitInsn(RETURN);
            end(mv);
        }
        for (String[] pair : new String[][] {{"addToTotal", "addTotal"}, {"addToTotalRacy", "addTotalRacy"}}) {
            mv = cw.visitMethod(ACC_PUBLIC, pair[0], "()V", null, null);
            mv.visitCode();
            lines.next(mv);
            mv.visitMethodInsn(INVOKESTATIC, self, pair[1], "()V", false);
            mv.visitInsn(RETURN);
            end(mv);
        }
        mv = cw.visitMethod(ACC_PUBLIC, "total", "()I", null, null);
        mv.visitCode();
        lines.next(mv);
        mv.visitFieldInsn(GETSTATIC, self, "total", "I");
        mv.visitInsn(IRETURN);
        end(mv);

        if (variant.subroutines()) {
            jsrBlock(cw, self, lines);
            jsrFinally(cw, self, lines);
        } else {
            unsupported(cw, "incrementInJsrBlock", "(Ljava/lang/Object;)V");
            unsupported(cw, "incrementWithLockInJsrFinally", "(Ljava/util/concurrent/locks/Lock;)V");
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code value = value + 1}, with a line for the read and one for the write. */
    private static void incrementValue(MethodVisitor mv, String self, Lines lines) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "value", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        lines.next(mv);
        mv.visitFieldInsn(PUTFIELD, self, "value", "I");
    }

    /**
     * <pre>
     *   aload 1; astore 2; aload 2; monitorenter
     * start:
     *   value++; jsr exit; goto done
     * handler: (any, from start to handler)
     *   astore 3; jsr exit; aload 3; athrow
     * exit:
     *   astore 4; aload 2; monitorexit; ret 4
     * done:
     *   return
     * </pre>
     */
    private static void jsrBlock(ClassWriter cw, String self, Lines lines) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "incrementInJsrBlock", "(Ljava/lang/Object;)V", null, null);
        mv.visitCode();
        Label start = new Label();
        Label handler = new Label();
        Label exit = new Label();
        Label done = new Label();
        mv.visitTryCatchBlock(start, handler, handler, null);
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ASTORE, 2);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitInsn(MONITORENTER);
        mv.visitLabel(start);
        lines.next(mv);
        incrementValue(mv, self, lines);
        mv.visitJumpInsn(JSR, exit);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, 3);
        mv.visitJumpInsn(JSR, exit);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitInsn(ATHROW);
        mv.visitLabel(exit);
        lines.next(mv);
        mv.visitVarInsn(ASTORE, 4);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitInsn(MONITOREXIT);
        mv.visitVarInsn(RET, 4);
        mv.visitLabel(done);
        lines.next(mv);
        mv.visitInsn(RETURN);
        end(mv);
    }

    /** {@code lock.lock(); try { value++; } finally { lock.unlock(); }}, the finally a subroutine. */
    private static void jsrFinally(ClassWriter cw, String self, Lines lines) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "incrementWithLockInJsrFinally", "(Ljava/util/concurrent/locks/Lock;)V", null, null);
        mv.visitCode();
        Label start = new Label();
        Label handler = new Label();
        Label fin = new Label();
        Label done = new Label();
        mv.visitTryCatchBlock(start, handler, handler, null);
        lines.next(mv);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/concurrent/locks/Lock", "lock", "()V", true);
        mv.visitLabel(start);
        lines.next(mv);
        incrementValue(mv, self, lines);
        mv.visitJumpInsn(JSR, fin);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, 2);
        mv.visitJumpInsn(JSR, fin);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitInsn(ATHROW);
        mv.visitLabel(fin);
        lines.next(mv);
        mv.visitVarInsn(ASTORE, 3);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/concurrent/locks/Lock", "unlock", "()V", true);
        mv.visitVarInsn(RET, 3);
        mv.visitLabel(done);
        lines.next(mv);
        mv.visitInsn(RETURN);
        end(mv);
    }

    private static void unsupported(ClassWriter cw, String name, String descriptor) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, descriptor, null, null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, "java/lang/UnsupportedOperationException");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/UnsupportedOperationException", "<init>", "()V", false);
        mv.visitInsn(ATHROW);
        end(mv);
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Gives each statement a line number of its own, so that reports point somewhere. */
    private static final class Lines {
        private int line = 10;

        void next(MethodVisitor mv) {
            Label here = new Label();
            mv.visitLabel(here);
            mv.visitLineNumber(line++, here);
        }
    }
}
