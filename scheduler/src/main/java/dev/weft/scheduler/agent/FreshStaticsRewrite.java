package dev.weft.scheduler.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Prepares an application class, as it loads, for fresh static state in every execution: its
 * static fields lose {@code final} (a field keeps it when it has a compile-time constant, or is
 * {@code serialPersistentFields}, which serialization reads by its modifiers), and two synthetic
 * methods are added, {@code weft$zero} (every non-constant static field back to its default) and
 * {@code weft$clinit} (a copy of the class initializer); the class initializer, when it completes,
 * hands the class's lookup to {@code BoundaryHooks.staticsInitialized}, so that the runtime knows the classes
 * initialized so far, in the order their initializers completed. Not for interfaces (their fields
 * must stay final), enums (their constants are identities the JDK caches), classes with native
 * methods (native state would not be reset with them), nor on retransformation (no method can be added).
 */
final class FreshStaticsRewrite implements Opcodes {

    static final String ZERO = "weft$zero";
    static final String COPY = "weft$clinit";

    private record StaticField(String name, String descriptor) {}

    private final List<StaticField> resettable = new ArrayList<>();
    private final List<String> keptFinal = new ArrayList<>();
    private boolean eligible;
    private boolean hasInitializer;
    private boolean hasNative;
    private String className;

    FreshStaticsRewrite(boolean eligible) {
        this.eligible = eligible;
    }

    boolean active() {
        return eligible;
    }

    void visitClass(String name, int access) {
        this.className = name;
        if ((access & (ACC_INTERFACE | ACC_ENUM | ACC_ANNOTATION | ACC_MODULE)) != 0) {
            eligible = false;
        }
    }

    /** The access flags the field is written with. */
    int visitField(int access, String name, String descriptor, Object value) {
        if (!eligible || (access & ACC_STATIC) == 0) {
            return access;
        }
        if (value != null && (access & ACC_FINAL) != 0) {
            return access; // a compile-time constant: set by the JVM from the class file, never changes
        }
        if (name.equals("serialPersistentFields")) {
            keptFinal.add(name);
            resettable.add(new StaticField(name, descriptor));
            return access;
        }
        resettable.add(new StaticField(name, descriptor));
        return access & ~ACC_FINAL;
    }

    void visitMethod(int access, String name) {
        if ((access & ACC_NATIVE) != 0) {
            hasNative = true;
        }
        if (name.equals("<clinit>")) {
            hasInitializer = true;
        }
    }

    /** Whether the class initializer being rewritten registers the class at its normal ends. */
    boolean registers() {
        return eligible;
    }

    /** The code that registers the class, placed before each normal return of its initializer. */
    static void register(org.objectweb.asm.tree.InsnList code) {
        code.add(new org.objectweb.asm.tree.MethodInsnNode(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false));
        code.add(HookClasses.call("staticsInitialized", "(Ljava/lang/invoke/MethodHandles$Lookup;)V"));
    }

    /** Writes {@code weft$clinit}: the class initializer as the class file has it, before any rewriting. */
    void copyInitializer(MethodNode original, ClassVisitor target) {
        if (!eligible) {
            return;
        }
        MethodVisitor copy = target.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, COPY, "()V", null, null);
        original.accept(new MethodVisitor(ASM9, copy) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                if (opcode == PUTSTATIC && owner.equals(className) && keptFinal.contains(name)) {
                    // still final: only <clinit> may write it, and it keeps its first value
                    super.visitInsn(Type.getType(descriptor).getSize() == 2 ? POP2 : POP);
                    return;
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
        });
    }

    /** Adds {@code weft$zero}, and a class initializer that only registers when the class had none. */
    void finish(ClassVisitor target) {
        if (!eligible || hasNative) {
            return;
        }
        MethodVisitor zero = target.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, ZERO, "()V", null, null);
        zero.visitCode();
        for (StaticField field : resettable) {
            if (keptFinal.contains(field.name())) {
                continue;
            }
            switch (Type.getType(field.descriptor()).getSort()) {
                case Type.LONG -> zero.visitInsn(LCONST_0);
                case Type.FLOAT -> zero.visitInsn(FCONST_0);
                case Type.DOUBLE -> zero.visitInsn(DCONST_0);
                case Type.OBJECT, Type.ARRAY -> zero.visitInsn(ACONST_NULL);
                default -> zero.visitInsn(ICONST_0);
            }
            zero.visitFieldInsn(PUTSTATIC, className, field.name(), field.descriptor());
        }
        zero.visitInsn(RETURN);
        zero.visitMaxs(2, 0);
        zero.visitEnd();
        if (!hasInitializer && !resettable.isEmpty()) {
            MethodVisitor init = target.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
            init.visitCode();
            init.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            init.visitMethodInsn(INVOKESTATIC, HookClasses.owner("staticsInitialized"), "staticsInitialized",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;)V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(1, 0);
            init.visitEnd();
            MethodVisitor copy = target.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, COPY, "()V", null, null);
            copy.visitCode();
            copy.visitInsn(RETURN);
            copy.visitMaxs(0, 0);
            copy.visitEnd();
        }
    }
}
