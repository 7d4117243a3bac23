package dev.weft.scheduler.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What a class file calls, read with ASM: for tests of what the agent writes into classes. */
final class MethodCalls {

    private MethodCalls() {}

    /**
     * One call from a method of the class: a method instruction, or a method handle among the
     * arguments of an {@code invokedynamic} (a method reference).
     */
    record Call(String caller, String owner, String name, String descriptor) {

        /** "owner name descriptor", as a test's message shows it. */
        String target() {
            return owner + " " + name + " " + descriptor;
        }
    }

    /** Every call the methods of {@code classFile} make, in the order they appear. */
    static List<Call> of(byte[] classFile) {
        List<Call> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String caller, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
                        calls.add(new Call(caller, owner, name, desc));
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle) {
                                calls.add(new Call(caller, handle.getOwner(), handle.getName(), handle.getDesc()));
                            }
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    /** The methods of {@code classFile} annotated with {@code annotation} (a descriptor), visible at run time. */
    static List<String> annotated(byte[] classFile, String annotation) {
        List<String> methods = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String type, boolean visible) {
                        if (visible && type.equals(annotation)) {
                            methods.add(name);
                        }
                        return null;
                    }
                };
            }
        }, 0);
        return methods;
    }
}
