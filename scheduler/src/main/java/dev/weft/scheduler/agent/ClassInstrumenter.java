package dev.weft.scheduler.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one class. Method bodies go through {@link MethodInstrumenter}; methods that need a
 * method-wide {@code try/finally} (synchronized methods, class initializers, atomic entries) are
 * buffered as trees so that the added handler comes last in the exception table.
 */
final class ClassInstrumenter extends ClassVisitor implements Opcodes {

    /** Flags of the rewritten class's own fields, filled before any method is visited. */
    static final class FieldFlags {
        private final Map<String, Integer> flags = new HashMap<>();
        /** Descriptor of {@code this$0} when it refers to the enclosing collection, else {@code null}. */
        private String outerCollection;

        int flags(String name) {
            return flags.getOrDefault(name, ClassInfo.UNKNOWN_FIELD);
        }
    }

    private final ClassLoader loader;
    private final InstrumentationScope.Mode mode;
    private final boolean retransforming;
    private final FieldFlags fields = new FieldFlags();
    private String className;
    private String fileName;
    private int version;
    private boolean isInterface;

    private FreshStaticsRewrite statics = new FreshStaticsRewrite(false);

    ClassInstrumenter(ClassVisitor next, ClassLoader loader, InstrumentationScope.Mode mode, boolean retransforming) {
        super(ASM9, next);
        this.loader = loader;
        this.mode = mode;
        this.retransforming = retransforming;
    }

    /** Prepares the class for fresh static state per execution ({@link FreshStaticsRewrite}) when {@code fresh}. */
    ClassInstrumenter freshStatics(boolean fresh) {
        this.statics = new FreshStaticsRewrite(fresh && mode == InstrumentationScope.Mode.FULL && !retransforming);
        return this;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.className = name;
        this.version = version & 0xFFFF;
        this.isInterface = (access & ACC_INTERFACE) != 0;
        statics.visitClass(name, access);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.fileName = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        fields.flags.put(name, access);
        if (name.equals("this$0") && descriptor.startsWith("L")
                && InstrumentationScope.collectionName(Type.getType(descriptor).getInternalName()) != null) {
            fields.outerCollection = descriptor;
        }
        return super.visitField(statics.visitField(access, name, descriptor, value), name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        statics.visitMethod(access, name);
        boolean hasCode = (access & (ACC_ABSTRACT | ACC_NATIVE)) == 0;
        if (!hasCode) {
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        if (mode == InstrumentationScope.Mode.CURRENT_THREAD) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return InstrumentationScope.redirectsCurrentThread(className, name) ? new CurrentThreadRedirect(next) : next;
        }
        if (mode == InstrumentationScope.Mode.ATOMIC_ENTRIES) {
            Set<String> atomic = InstrumentationScope.ATOMIC_METHODS.get(className);
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (atomic != null && (atomic.contains(name) || atomic.contains("*")) && !name.equals("<init>")) {
                return new Wrapper(access, name, descriptor, signature, exceptions, next,
                        InstrumentationScope.QUIET_CLASSES.contains(className) ? Wrap.QUIET : Wrap.ATOMIC);
            }
            return next;
        }
        if (mode == InstrumentationScope.Mode.EXIT_ENTRIES) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean halt = name.equals("halt");
            if ((name.equals("exit") || halt) && descriptor.equals("(I)V") && (access & ACC_STATIC) == 0) {
                return new MethodVisitor(ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(ILOAD, 1);
                        super.visitInsn(halt ? ICONST_1 : ICONST_0);
                        super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("beforeExit"), "beforeExit", "(IZ)V", false);
                    }
                };
            }
            return next;
        }
        if (mode == InstrumentationScope.Mode.CLOCK) {
            return new ClockCalls(super.visitMethod(access, name, descriptor, signature, exceptions));
        }
        if (mode == InstrumentationScope.Mode.HASH_CALLS) {
            return new HashCalls(super.visitMethod(access, name, descriptor, signature, exceptions));
        }
        if (name.equals("<clinit>")) {
            // A class initializer runs under the JVM's initialization lock: never switch inside it
            // (whoever's class it is: INIT_ONLY classes get this wrapping and nothing else).
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new Wrapper(access, name, descriptor, signature, exceptions, next, Wrap.INIT);
        }
        if (mode == InstrumentationScope.Mode.INIT_ONLY) {
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        boolean monitorsOnly = mode == InstrumentationScope.Mode.MONITORS;
        boolean synchronizedMethod = (access & ACC_SYNCHRONIZED) != 0;
        String collection = InstrumentationScope.collectionName(className);
        if (collection != null && !monitorsOnly && !synchronizedMethod && isCollectionEntry(access, name)) {
            boolean nested = className.indexOf('$') >= 0;
            if (!nested || fields.outerCollection != null) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                Wrapper wrapper = new Wrapper(access, name, descriptor, signature, exceptions, next, Wrap.COLLECTION);
                wrapper.collection = collection;
                wrapper.outerField = nested ? fields.outerCollection : null;
                return methodInstrumenter(wrapper, access, name, descriptor, signature, exceptions, monitorsOnly);
            }
        }
        if (synchronizedMethod) {
            if (retransforming) {
                // Modifiers cannot change on retransformation: the method's monitor is modelled
                // and its body runs without preemption (wait() still releases it).
                if (loader != null && !InstrumentationScope.isJdkClass(className) && !monitorsOnly) {
                    WeftTransformer.recordLateSynchronized(className.replace('/', '.'));
                }
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                Wrapper wrapper = new Wrapper(access, name, descriptor, signature, exceptions, next, Wrap.SYNC_ATOMIC);
                return methodInstrumenter(wrapper, access, name, descriptor, signature, exceptions, monitorsOnly);
            }
            int stripped = access & ~ACC_SYNCHRONIZED;
            MethodVisitor next = super.visitMethod(stripped, name, descriptor, signature, exceptions);
            Wrapper wrapper = new Wrapper(access, name, descriptor, signature, exceptions, next, Wrap.MONITOR);
            return methodInstrumenter(wrapper, access, name, descriptor, signature, exceptions, monitorsOnly);
        }
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return methodInstrumenter(next, access, name, descriptor, signature, exceptions, monitorsOnly);
    }

    /**
     * The method's body rewriter. In class files before 51, where stack-map frames are optional (and
     * absent before 50), the method is read whole first, so that the rewriter knows which labels
     * are jump targets without frames telling it.
     */
    private MethodVisitor methodInstrumenter(MethodVisitor next, int access, String name, String descriptor, String signature,
            String[] exceptions, boolean monitorsOnly) {
        boolean framesRequired = version >= V1_7;
        MethodInstrumenter body = new MethodInstrumenter(next, className, name, fileName, loader, fields, (access & ACC_STATIC) != 0,
                version >= V1_5, framesRequired).monitorsOnly(monitorsOnly);
        return framesRequired ? body : new JumpTargets(access, name, descriptor, signature, exceptions, body);
    }

    /** Buffers a method of an old class file, hands its jump targets to the rewriter, then replays it. */
    private static final class JumpTargets extends MethodNode {
        private final MethodInstrumenter body;

        JumpTargets(int access, String name, String descriptor, String signature, String[] exceptions, MethodInstrumenter body) {
            super(ASM9, access, name, descriptor, signature, exceptions);
            this.body = body;
        }

        @Override
        public void visitEnd() {
            Set<Label> targets = new HashSet<>();
            for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof JumpInsnNode jump) {
                    targets.add(jump.label.getLabel());
                } else if (insn instanceof TableSwitchInsnNode table) {
                    targets.add(table.dflt.getLabel());
                    table.labels.forEach(label -> targets.add(label.getLabel()));
                } else if (insn instanceof LookupSwitchInsnNode lookup) {
                    targets.add(lookup.dflt.getLabel());
                    lookup.labels.forEach(label -> targets.add(label.getLabel()));
                }
            }
            for (TryCatchBlockNode block : tryCatchBlocks) {
                targets.add(block.handler.getLabel());
            }
            body.jumpTargets(targets);
            accept(body);
        }
    }

    @Override
    public void visitEnd() {
        statics.finish(cv);
        super.visitEnd();
    }

    /**
     * Whether a method of a non-thread-safe collection (or of its iterators and views) marks a
     * region the misuse detector watches: public instance methods of the collection itself, every
     * non-private instance method of its nested classes (iterators call package-private helpers).
     */
    private boolean isCollectionEntry(int access, String name) {
        if ((access & (ACC_STATIC | ACC_SYNTHETIC | ACC_BRIDGE)) != 0 || name.startsWith("<")) {
            return false;
        }
        return className.indexOf('$') >= 0 ? (access & ACC_PRIVATE) == 0 : (access & ACC_PUBLIC) != 0;
    }

    /** Replaces {@code Thread.currentThread()} with the hook that returns the logical thread on a managed thread. */
    private static final class CurrentThreadRedirect extends MethodVisitor {
        CurrentThreadRedirect(MethodVisitor next) {
            super(ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == INVOKESTATIC && owner.equals("java/lang/Thread") && name.equals("currentThread")
                    && descriptor.equals("()Ljava/lang/Thread;")) {
                super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("currentThread"), "currentThread", descriptor, false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** Whether a collection method changes the collection, judged by its name. */
    static boolean isMutator(String name) {
        for (String prefix : MUTATOR_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] MUTATOR_PREFIXES = {
        "put", "remove", "clear", "add", "set", "replace", "compute", "merge", "poll", "push", "pop", "offer",
        "retain", "sort", "trim", "ensureCapacity"};

    private enum Wrap { ATOMIC, QUIET, INIT, SYNC_ATOMIC, MONITOR, COLLECTION }

    /**
     * In a {@link InstrumentationScope.Mode#CLOCK} class: {@code System.currentTimeMillis()} becomes
     * {@code DeterminismHooks.currentTimeMillis()}, and the result of {@code VM.getNanoTimeAdjustment(offset)} (the
     * JDK's call stays, it alone may make it) goes through {@code DeterminismHooks.nanoTimeAdjustment(offset, result)}.
     */
    private static final class ClockCalls extends MethodVisitor {
        ClockCalls(MethodVisitor next) {
            super(ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == INVOKESTATIC && owner.equals("java/lang/System") && name.equals("currentTimeMillis")
                    && descriptor.equals("()J")) {
                super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("currentTimeMillis"), "currentTimeMillis", "()J", false);
                return;
            }
            if (opcode == INVOKESTATIC && owner.equals("jdk/internal/misc/VM") && name.equals("getNanoTimeAdjustment")
                    && descriptor.equals("(J)J")) {
                super.visitInsn(DUP2); // the offset, for the hook
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("nanoTimeAdjustment"), "nanoTimeAdjustment", "(JJ)J", false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** In a {@link InstrumentationScope.Mode#HASH_CALLS} class: {@code o.hashCode()} becomes {@code DeterminismHooks.hashCode(o)}. */
    private static final class HashCalls extends MethodVisitor {
        HashCalls(MethodVisitor next) {
            super(ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if ((opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE) && name.equals("hashCode") && descriptor.equals("()I")
                    && (owner.equals("java/lang/Object") || !owner.startsWith("java/lang/"))) {
                super.visitMethodInsn(INVOKESTATIC, HookClasses.owner("hashCode"), "hashCode", "(Ljava/lang/Object;)I", false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** Buffers a method, then wraps its body in entry code and a catch-all handler with exit code. */
    private final class Wrapper extends MethodNode {
        private final MethodVisitor next;
        private final Wrap wrap;
        private int firstLine = -1;
        /** For {@link Wrap#COLLECTION}: the collection's simple name, and {@code this$0}'s descriptor in nested classes. */
        String collection;
        String outerField;

        Wrapper(int access, String name, String descriptor, String signature, String[] exceptions, MethodVisitor next, Wrap wrap) {
            super(ASM9, access, name, descriptor, signature, exceptions);
            this.next = next;
            this.wrap = wrap;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            if (firstLine < 0) {
                firstLine = line;
            }
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitEnd() {
            if (wrap == Wrap.INIT && statics.active()) {
                statics.copyInitializer(this, cv); // as the class file has it, before the wrapping below
            }
            int enterSite = 0;
            int exitSite = 0;
            if (wrap == Wrap.ATOMIC || wrap == Wrap.INIT) {
                // no site: the region's hooks take none
            } else if (wrap == Wrap.COLLECTION) {
                enterSite = Sites.register(new Site(Site.Kind.COLLECTION, className.replace('/', '.'), name, fileName, firstLine,
                        collection + "." + name, isMutator(name) ? Site.MUTATING : 0));
                exitSite = enterSite;
            } else {
                enterSite = Sites.register(new Site(Site.Kind.MONITOR_ENTER, className.replace('/', '.'), name, fileName, firstLine, "", 0));
                exitSite = Sites.register(new Site(Site.Kind.MONITOR_EXIT, className.replace('/', '.'), name, fileName, firstLine, "", 0));
            }
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();

            InsnList entry = new InsnList();
            if (wrap == Wrap.MONITOR) {
                entry.add(enterCode(enterSite)); // the range starts with the monitor held
                entry.add(start);
            } else {
                entry.add(start);
                entry.add(enterCode(enterSite));
            }
            instructions.insert(entry);

            // With a monitor, the range leaves out each exit's hook call, made after the monitor is
            // released: inside it, the JIT would see unbalanced monitors and never compile the method.
            List<LabelNode> gaps = new ArrayList<>();
            for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
                int op = insn.getOpcode();
                if (op >= IRETURN && op <= RETURN) {
                    InsnList exit = exitCode(exitSite);
                    if (wrap == Wrap.INIT && statics.registers()) {
                        InsnList register = new InsnList();
                        FreshStaticsRewrite.register(register); // the initializer completed: the class counts from now on
                        exit.insert(register);
                    }
                    if (wrap == Wrap.MONITOR) {
                        LabelNode released = new LabelNode();
                        LabelNode resumed = new LabelNode();
                        exit.insert(exit.get(2), released);
                        exit.add(resumed);
                        gaps.add(released);
                        gaps.add(resumed);
                    }
                    instructions.insertBefore(insn, exit);
                }
            }

            instructions.add(end);
            instructions.add(handler);
            if (version >= V1_6) {
                instructions.add(handlerFrame()); // before 50 a class file has no frames
            }
            instructions.add(exitCode(exitSite));
            instructions.add(new InsnNode(ATHROW));
            LabelNode from = start;
            for (int i = 0; i < gaps.size(); i += 2) {
                tryCatchBlocks.add(new TryCatchBlockNode(from, gaps.get(i), handler, null));
                from = gaps.get(i + 1);
            }
            if (hasCode(from, end)) {
                tryCatchBlocks.add(new TryCatchBlockNode(from, end, handler, null));
            }
            maxStack = Math.max(maxStack, 3);
            accept(next);
        }

        /** Whether an instruction lies between two labels of this method (an exception range must not be empty). */
        private boolean hasCode(LabelNode from, LabelNode to) {
            for (AbstractInsnNode insn = from.getNext(); insn != null && insn != to; insn = insn.getNext()) {
                if (insn.getOpcode() >= 0) {
                    return true;
                }
            }
            return false;
        }

        private InsnList enterCode(int site) {
            InsnList code = new InsnList();
            switch (wrap) {
                case ATOMIC -> code.add(HookClasses.call("atomicBegin", "()V"));
                case QUIET -> code.add(HookClasses.call("quietBegin", "()V"));
                case INIT -> code.add(HookClasses.call("classInitBegin", "()V"));
                case SYNC_ATOMIC -> {
                    code.add(pushMonitor());
                    code.add(pushInt(site));
                    code.add(HookClasses.call("syncMethodEnter", "(Ljava/lang/Object;I)V"));
                }
                case MONITOR -> {
                    code.add(pushMonitor());
                    code.add(new InsnNode(DUP));
                    code.add(pushInt(site));
                    code.add(HookClasses.call("monitorEnter", "(Ljava/lang/Object;I)V"));
                    code.add(new InsnNode(MONITORENTER));
                }
                case COLLECTION -> {
                    code.add(pushCollection());
                    code.add(pushInt(site));
                    code.add(HookClasses.call("collectionEnter", "(Ljava/lang/Object;I)V"));
                }
            }
            return code;
        }

        private InsnList exitCode(int site) {
            InsnList code = new InsnList();
            switch (wrap) {
                case ATOMIC -> code.add(HookClasses.call("atomicEnd", "()V"));
                case QUIET -> code.add(HookClasses.call("quietEnd", "()V"));
                case INIT -> code.add(HookClasses.call("classInitEnd", "()V"));
                case SYNC_ATOMIC -> {
                    code.add(pushMonitor());
                    code.add(pushInt(site));
                    code.add(HookClasses.call("syncMethodExit", "(Ljava/lang/Object;I)V"));
                }
                case MONITOR -> {
                    code.add(pushMonitor());
                    code.add(new InsnNode(DUP));
                    code.add(new InsnNode(MONITOREXIT));
                    code.add(pushInt(site));
                    code.add(HookClasses.call("monitorExit", "(Ljava/lang/Object;I)V"));
                }
                case COLLECTION -> {
                    code.add(pushCollection());
                    code.add(pushInt(site));
                    code.add(HookClasses.call("collectionExit", "(Ljava/lang/Object;I)V"));
                }
            }
            return code;
        }

        /** The collection itself, or for an iterator or view the collection it belongs to. */
        private InsnList pushCollection() {
            InsnList code = new InsnList();
            code.add(new VarInsnNode(ALOAD, 0));
            if (outerField != null) {
                code.add(new org.objectweb.asm.tree.FieldInsnNode(GETFIELD, className, "this$0", outerField));
            }
            return code;
        }

        private InsnList pushMonitor() {
            InsnList code = new InsnList();
            if ((access & ACC_STATIC) == 0) {
                code.add(new VarInsnNode(ALOAD, 0));
            } else if (version >= V1_5) {
                code.add(new LdcInsnNode(Type.getObjectType(className)));
            } else {
                // before 49 a class file cannot load a class constant; the class calling
                // Class.forName finds itself through its own loader (already initialized, since one
                // of its static methods runs)
                code.add(new LdcInsnNode(className.replace('/', '.')));
                code.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;", false));
            }
            return code;
        }

        private AbstractInsnNode pushInt(int value) {
            if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                return new IntInsnNode(SIPUSH, value);
            }
            return new LdcInsnNode(value);
        }

        /** The handler's frame: the parameters as locals (valid everywhere), a Throwable on the stack. */
        private AbstractInsnNode handlerFrame() {
            List<Object> locals = new ArrayList<>();
            if ((access & ACC_STATIC) == 0) {
                locals.add(className);
            }
            for (Type arg : Type.getArgumentTypes(desc)) {
                switch (arg.getSort()) {
                    case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> locals.add(INTEGER);
                    case Type.FLOAT -> locals.add(FLOAT);
                    case Type.LONG -> locals.add(LONG);
                    case Type.DOUBLE -> locals.add(DOUBLE);
                    default -> locals.add(arg.getInternalName());
                }
            }
            return new org.objectweb.asm.tree.FrameNode(F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Throwable"});
        }
    }
}
