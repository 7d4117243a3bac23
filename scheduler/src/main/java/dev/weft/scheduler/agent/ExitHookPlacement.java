package dev.weft.scheduler.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Places the hook that follows a {@code monitorexit} after the labels that follow it. A compiler
 * ends the catch-all range of a {@code synchronized} block with a label right after its
 * {@code monitorexit}; a hook call emitted before that label would lie inside the range, so the JIT's
 * monitor analysis would see an exception edge from the call (made with the monitor released) into a
 * handler that releases it again: "unbalanced monitors", and the method would never be compiled
 * (it runs in the interpreter for ever — {@code ConcurrentHashMap.putVal} among them). Placed after
 * the label, the call is outside the range.
 *
 * <p>Code reaching a label from elsewhere does not have the monitor's object on the stack, so a jump
 * target or handler gets the call before it. Where frames are mandatory (class files 51 and later)
 * every such label has a frame; in older class files, whose frames are optional or absent, the
 * method's jump targets are given beforehand ({@link #jumpTargets}).
 */
final class ExitHookPlacement extends MethodVisitor implements Opcodes {

    private int pendingSite = -1;
    private final List<Object> held = new ArrayList<>();
    private final boolean framesRequired;
    private Set<Label> targets;

    ExitHookPlacement(MethodVisitor next, boolean framesRequired) {
        super(ASM9, next);
        this.framesRequired = framesRequired;
    }

    void jumpTargets(Set<Label> labels) {
        targets = labels;
    }

    /** Emits {@code SyncHooks.monitorExit(object, site)} (the object is on the stack) at the next instruction. */
    void monitorExitHook(int site) {
        flush(true);
        if (!framesRequired && targets == null) {
            throw new IllegalStateException("the jump targets of a method without mandatory frames are unknown");
        }
        pendingSite = site;
    }

    private void flush(boolean hookFirst) {
        if (pendingSite < 0) {
            return;
        }
        int site = pendingSite;
        pendingSite = -1;
        if (hookFirst) {
            emitHook(site);
        }
        for (Object event : held) {
            if (event instanceof Label label) {
                super.visitLabel(label);
            } else {
                LineNumber number = (LineNumber) event;
                super.visitLineNumber(number.line, number.start);
            }
        }
        held.clear();
        if (!hookFirst) {
            emitHook(site);
        }
    }

    private void emitHook(int site) {
        if (site <= Short.MAX_VALUE) {
            super.visitIntInsn(SIPUSH, site);
        } else {
            super.visitLdcInsn(site);
        }
        super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("monitorExit"), "monitorExit", "(Ljava/lang/Object;I)V", false);
    }

    private record LineNumber(int line, Label start) {}

    @Override
    public void visitLabel(Label label) {
        if (targets != null && targets.contains(label)) {
            flush(true); // reached from elsewhere too, without the object on the stack
        }
        if (pendingSite >= 0) {
            held.add(label);
        } else {
            super.visitLabel(label);
        }
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        if (pendingSite >= 0) {
            held.add(new LineNumber(line, start));
        } else {
            super.visitLineNumber(line, start);
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        flush(true); // a label with a frame is reached from elsewhere too, without the object on the stack
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        flush(false);
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        flush(false);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        flush(false);
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        flush(false);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        flush(false);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        flush(false);
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
        flush(false);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        flush(false);
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        flush(false);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        flush(false);
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        flush(false);
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        flush(false);
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        flush(false);
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        flush(true);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
        flush(true);
        super.visitLocalVariable(name, descriptor, signature, start, end, index);
    }

    @Override
    public org.objectweb.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef, org.objectweb.asm.TypePath typePath,
            Label[] start, Label[] end, int[] index, String descriptor, boolean visible) {
        flush(true);
        return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, index, descriptor, visible);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        flush(true);
        super.visitMaxs(maxStack, maxLocals);
    }

    @Override
    public void visitEnd() {
        flush(true);
        super.visitEnd();
    }
}
