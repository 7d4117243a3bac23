package dev.weft.scheduler.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Keeps the runtime out of the JIT's inlining at every instrumented access. Each hook of
 * {@code dev.weft.boot} ({@link HookClasses}) is a cheap check ("is this the managed thread with the
 * turn?") and, only then, a call into the runtime through {@code RuntimeHooks}. Left alone, the JIT
 * inlines that call — and the scheduler, the strategy and the detectors behind it — into every JDK
 * method that touches a field: {@code ArrayList.size()} compiled to 64 KB in 0.6 s, and on two cores
 * the compiler took half the CPU of a whole test run. This rewrite sends each such call through a
 * static trampoline of the hook's own class, marked {@code @jdk.internal.vm.annotation.DontInline},
 * which HotSpot honours for classes of the boot class path, where the hooks live: the check stays
 * inlined, the runtime does not.
 */
final class HookTrampolines {

    private static final String RUNTIME_HOOKS = "dev/weft/boot/RuntimeHooks";
    private static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";

    private HookTrampolines() {}

    /** A hook class's file with every call into {@code RuntimeHooks} going through a trampoline of that class. */
    static byte[] rewrite(byte[] hooks) {
        ClassReader reader = new ClassReader(hooks);
        String hookClass = reader.getClassName();
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Map<String, String> trampolines = new LinkedHashMap<>(); // "name descriptor" -> trampoline name
        boolean[] interfaceCall = {false}; // RuntimeHooks is an abstract class today; an interface would do as well
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if ((opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && owner.equals(RUNTIME_HOOKS)) {
                            interfaceCall[0] = isInterface;
                            String trampoline = trampolines.computeIfAbsent(method + " " + desc,
                                    key -> "weft$runtime$" + method + "$" + trampolines.size());
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, hookClass, trampoline, staticDescriptor(desc), false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }

            @Override
            public void visitEnd() {
                trampolines.forEach((key, trampoline) -> addTrampoline(cv, key.substring(0, key.indexOf(' ')),
                        key.substring(key.indexOf(' ') + 1), trampoline, interfaceCall[0]));
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    private static String staticDescriptor(String interfaceDescriptor) {
        return "(L" + RUNTIME_HOOKS + ";" + interfaceDescriptor.substring(1);
    }

    /**
     * The hooks whose runtime side may run the program's own code (its {@code hashCode()}): an
     * exception from there is the program's, not Weft's.
     */
    private static final java.util.Set<String> RUNS_PROGRAM_CODE = java.util.Set.of("hashCode");

    private static void addTrampoline(ClassVisitor target, String method, String descriptor, String trampoline,
            boolean isInterface) {
        MethodVisitor mv = target.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, trampoline,
                staticDescriptor(descriptor), null, null);
        AnnotationVisitor annotation = mv.visitAnnotation(DONT_INLINE, true);
        annotation.visitEnd();
        mv.visitCode();
        boolean guarded = !RUNS_PROGRAM_CODE.contains(method);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        if (guarded) {
            mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        }
        mv.visitLabel(start);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        int slot = 1;
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (Type argument : arguments) {
            mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        mv.visitMethodInsn(isInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, RUNTIME_HOOKS, method, descriptor,
                isInterface);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
        mv.visitLabel(end);
        if (guarded) {
            // anything the runtime throws is told to it before it reaches the program, which may catch it
            Object[] locals = new Object[arguments.length + 1];
            locals[0] = RUNTIME_HOOKS;
            for (int i = 0; i < arguments.length; i++) {
                locals[i + 1] = frameType(arguments[i]);
            }
            mv.visitLabel(handler);
            mv.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.SWAP);
            mv.visitMethodInsn(isInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, RUNTIME_HOOKS, "raised",
                    "(Ljava/lang/Throwable;)V", isInterface);
            mv.visitInsn(Opcodes.ATHROW);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.LONG -> Opcodes.LONG;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }
}
