package dev.weft.scheduler.agent;

import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites one method body: a hook call before every shared access and synchronization action,
 * and calls to {@code Thread}, {@code Object.wait/notify}, {@code LockSupport}, clocks and identity
 * hash codes redirected to the hooks of {@code dev.weft.boot} (their owners: {@link HookClasses}).
 * Inserted code is straight-line and leaves the operand stack as it found it, so existing stack-map
 * frames stay valid.
 */
final class MethodInstrumenter extends MethodVisitor implements Opcodes {

    private final String className;
    private final String methodName;
    private final String fileName;
    private final ClassLoader loader;
    private final boolean constructor;
    private final ClassInstrumenter.FieldFlags ownFields;
    private final boolean staticMethod;
    private final boolean classConstants;
    /** Places the hook after a {@code monitorexit} outside the block's catch-all range. */
    private final ExitHookPlacement exitHooks;

    /** Only monitors, {@code wait} and {@code notify} (classes of {@link InstrumentationScope.Mode#MONITORS}). */
    private boolean monitorsOnly;

    private int line = -1;
    private boolean superCalled;
    /** Labels already visited: a jump to one of them closes a loop. */
    private final java.util.Set<Label> visitedLabels = new java.util.HashSet<>();
    /** Whether loops get a back-edge hook: in application classes (JDK loops reach scheduling points). */
    private final boolean backEdges;
    private int pendingNews;

    /**
     * @param staticMethod whether the method is static (it has no {@code this} for atomic owners)
     * @param classConstants whether the class file version allows class constants ({@code ldc} of a class)
     * @param framesRequired whether the class file version requires stack-map frames (51 and later);
     *     if not, {@link #jumpTargets} must be called before the method is visited
     */
    MethodInstrumenter(MethodVisitor next, String className, String methodName, String fileName, ClassLoader loader,
            ClassInstrumenter.FieldFlags ownFields, boolean staticMethod, boolean classConstants, boolean framesRequired) {
        super(ASM9, new ExitHookPlacement(next, framesRequired));
        this.exitHooks = (ExitHookPlacement) mv;
        this.staticMethod = staticMethod;
        this.classConstants = classConstants;
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.loader = loader;
        this.constructor = methodName.equals("<init>");
        this.superCalled = !constructor;
        this.ownFields = ownFields;
        this.backEdges = !InstrumentationScope.isJdkClass(className);
    }

    @Override
    public void visitLabel(Label label) {
        visitedLabels.add(label);
        super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (backEdges && opcode != JSR && visitedLabels.contains(label)) {
            hook("backEdge", "()V");
        }
        super.visitJumpInsn(opcode, label);
    }

    /** The labels that code jumps to, in a method whose class file need not have frames to say so. */
    void jumpTargets(Set<Label> targets) {
        exitHooks.jumpTargets(targets);
    }

    /** Rewrites only monitors, {@code wait} and {@code notify} when {@code only} is set. */
    MethodInstrumenter monitorsOnly(boolean only) {
        this.monitorsOnly = only;
        return this;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    private int site(Site.Kind kind, String member, int flags) {
        return Sites.register(new Site(kind, className.replace('/', '.'), methodName, fileName, line, member, flags));
    }

    private void pushSite(Site.Kind kind, String member, int flags) {
        pushInt(site(kind, member, flags));
    }

    private void pushInt(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    private void hook(String name, String descriptor) {
        super.visitMethodInsn(INVOKESTATIC, HookClasses.owner(name), name, descriptor, false);
    }

    // ---- fields ----

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (monitorsOnly) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        int flags = owner.equals(className) ? ownFields.flags(name) : ClassInfo.fieldFlags(loader, owner, name);
        boolean skip = (flags & ACC_FINAL) != 0
                || !superCalled
                || (constructor && owner.equals(className) && (opcode == GETFIELD || opcode == PUTFIELD));
        if (skip) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            if (opcode == GETSTATIC && isCommonPoolField(owner, name)) {
                // the common pool outlives executions: each execution gets a pool of its own instead
                hook("commonPool", "(Ljava/lang/Object;)Ljava/lang/Object;");
                super.visitTypeInsn(CHECKCAST, Type.getType(descriptor).getInternalName());
            }
            return;
        }
        Type type = Type.getType(descriptor);
        String member = owner.substring(owner.lastIndexOf('/') + 1) + "." + name;
        switch (opcode) {
            case GETFIELD -> {
                int site = site(Site.Kind.READ, member, flags);
                Sites.fieldOwner(site, owner.replace('/', '.'));
                super.visitInsn(DUP);
                pushInt(site);
                hook("read", "(Ljava/lang/Object;I)V");
                super.visitFieldInsn(opcode, owner, name, descriptor);
                readValue(type, site);
            }
            case GETSTATIC -> {
                int site = site(Site.Kind.READ, member, flags);
                Sites.fieldOwner(site, owner.replace('/', '.'));
                super.visitInsn(ACONST_NULL);
                pushInt(site);
                hook("read", "(Ljava/lang/Object;I)V");
                super.visitFieldInsn(opcode, owner, name, descriptor);
                readValue(type, site);
            }
            case PUTFIELD -> {
                int site = site(Site.Kind.WRITE, member, flags);
                Sites.fieldOwner(site, owner.replace('/', '.'));
                if (type.getSize() == 1) {
                    super.visitInsn(DUP2);
                    pushInt(site);
                    hook("writeValue", "(Ljava/lang/Object;" + valueDescriptor(type) + "I)V");
                } else {
                    super.visitInsn(DUP2_X1);
                    super.visitInsn(POP2);
                    super.visitInsn(DUP_X2);
                    pushInt(site);
                    hook("write", "(Ljava/lang/Object;I)V");
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
            case PUTSTATIC -> {
                int site = site(Site.Kind.WRITE, member, flags);
                Sites.fieldOwner(site, owner.replace('/', '.'));
                if (type.getSize() == 1) {
                    super.visitInsn(DUP);
                    super.visitInsn(ACONST_NULL);
                    super.visitInsn(SWAP);
                    pushInt(site);
                    hook("writeValue", "(Ljava/lang/Object;" + valueDescriptor(type) + "I)V");
                } else {
                    super.visitInsn(ACONST_NULL);
                    pushInt(site);
                    hook("write", "(Ljava/lang/Object;I)V");
                }
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
            default -> super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    /** The static fields through which {@code java.util.concurrent} reaches the common {@code ForkJoinPool}. */
    private static boolean isCommonPoolField(String owner, String name) {
        return owner.equals("java/util/concurrent/ForkJoinPool") && name.equals("common")
                || owner.equals("java/util/concurrent/CompletableFuture") && name.equals("ASYNC_POOL");
    }

    private static String valueDescriptor(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> "I";
            case Type.FLOAT -> "F";
            case Type.LONG -> "J";
            case Type.DOUBLE -> "D";
            default -> "Ljava/lang/Object;";
        };
    }

    private void readValue(Type type, int site) {
        super.visitInsn(type.getSize() == 2 ? DUP2 : DUP);
        pushInt(site);
        hook("readValue", "(" + valueDescriptor(type) + "I)V");
    }

    // ---- arrays and monitors ----

    @Override
    public void visitInsn(int opcode) {
        if (monitorsOnly && opcode != MONITORENTER && opcode != MONITOREXIT) {
            super.visitInsn(opcode);
            return;
        }
        switch (opcode) {
            case IALOAD, LALOAD, FALOAD, DALOAD, AALOAD, BALOAD, CALOAD, SALOAD -> {
                int site = site(Site.Kind.ARRAY_READ, "", 0);
                super.visitInsn(DUP2);
                pushInt(site);
                hook("arrayRead", "(Ljava/lang/Object;II)V");
                super.visitInsn(opcode);
                readValue(arrayElementType(opcode), site);
            }
            case IASTORE, FASTORE, AASTORE, BASTORE, CASTORE, SASTORE -> {
                super.visitInsn(DUP_X2);
                super.visitInsn(POP);
                super.visitInsn(DUP2_X1);
                pushSite(Site.Kind.ARRAY_WRITE, "", 0);
                hook("arrayWrite", "(Ljava/lang/Object;II)V");
                super.visitInsn(opcode);
            }
            case LASTORE, DASTORE -> {
                super.visitInsn(DUP2_X2);
                super.visitInsn(POP2);
                super.visitInsn(DUP2_X2);
                pushSite(Site.Kind.ARRAY_WRITE, "", 0);
                hook("arrayWrite", "(Ljava/lang/Object;II)V");
                super.visitInsn(opcode);
            }
            case MONITORENTER -> {
                super.visitInsn(DUP);
                pushSite(Site.Kind.MONITOR_ENTER, "", 0);
                hook("monitorEnter", "(Ljava/lang/Object;I)V");
                super.visitInsn(opcode);
            }
            case MONITOREXIT -> {
                super.visitInsn(DUP);
                super.visitInsn(opcode);
                exitHooks.monitorExitHook(site(Site.Kind.MONITOR_EXIT, "", 0));
            }
            default -> super.visitInsn(opcode);
        }
    }

    private static Type arrayElementType(int opcode) {
        return switch (opcode) {
            case LALOAD -> Type.LONG_TYPE;
            case FALOAD -> Type.FLOAT_TYPE;
            case DALOAD -> Type.DOUBLE_TYPE;
            case AALOAD -> Type.getType(Object.class);
            default -> Type.INT_TYPE;
        };
    }

    // ---- calls ----

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == NEW) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == INVOKESPECIAL && name.equals("<init>")) {
            if (pendingNews > 0) {
                pendingNews--;
                if (descriptor.equals("()V") && (owner.equals("java/util/Random") || owner.equals("java/util/SplittableRandom"))
                        && !className.equals(owner)) {
                    hook("randomSeed", "()J");
                    super.visitMethodInsn(opcode, owner, name, "(J)V", false);
                    return;
                }
            } else {
                superCalled = true;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (!superCalled) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (monitorsOnly) {
            if (!ReplacedCalls.isMonitorCall(opcode, name, descriptor) || !rewriteCall(opcode, owner, name, descriptor)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
            return;
        }
        if (rewriteCall(opcode, owner, name, descriptor)) {
            return;
        }
        if (isAtomicAccess(owner, name, descriptor)) {
            pushAtomicOwner();
            pushSite(Site.Kind.ATOMIC, owner.substring(owner.lastIndexOf('/') + 1) + "." + name,
                    isAtomicLoad(owner, name) ? Site.ATOMIC_LOAD : 0);
            hook("atomic", "(Ljava/lang/Object;I)V");
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /**
     * The object an atomic operation is taken to synchronize on: {@code this} in instance methods
     * (for {@code AtomicInteger}, AQS or {@code FutureTask} it is the target), else the class. Never
     * creates a false race; it can hide one (two operations on different targets from methods of
     * the same object are taken as ordered).
     */
    private void pushAtomicOwner() {
        if (!staticMethod && superCalled) {
            super.visitVarInsn(ALOAD, 0);
        } else if (classConstants) {
            super.visitLdcInsn(Type.getObjectType(className));
        } else {
            super.visitInsn(ACONST_NULL);
        }
    }

    private boolean rewriteCall(int opcode, String owner, String name, String descriptor) {
        ReplacedCalls.Replacement replacement = ReplacedCalls.of(opcode, owner, name, descriptor, loader);
        if (replacement == null) {
            return false;
        }
        if (replacement.withSite()) {
            pushSite(Site.Kind.CALL, owner.substring(owner.lastIndexOf('/') + 1) + "." + name, 0);
        }
        hook(replacement.hook(), replacement.descriptor());
        return true;
    }

    /**
     * A method reference to a method the hooks replace ({@code threads.forEach(Thread::start)}, {@code
     * new Thread(LockSupport::park)}) is linked by {@code invokedynamic} to the JDK method itself, so no
     * call to rewrite appears in the code: its implementation becomes the hook instead. A hook that
     * takes a site gets it as the first captured value (the hooks' {@code …Ref} variants); a
     * serializable lambda is left alone (its deserialization checks the implementation's name).
     */
    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        if (!monitorsOnly && superCalled && bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory") && arguments.length >= 3
                && arguments[1] instanceof Handle implementation && !serializable(bootstrap, arguments)) {
            ReplacedCalls.Replacement hook = ReplacedCalls.reference(implementation, loader);
            Type[] captured = Type.getArgumentTypes(descriptor);
            boolean withSite = hook != null && hook.withSite();
            if (hook != null && (!withSite || captured.length == 0 || captured.length == 1 && captured[0].getSize() == 1)) {
                String newDescriptor = descriptor;
                if (withSite) {
                    String owner = implementation.getOwner();
                    pushSite(Site.Kind.CALL, owner.substring(owner.lastIndexOf('/') + 1) + "." + implementation.getName(), 0);
                    if (captured.length == 1) {
                        super.visitInsn(SWAP);
                    }
                    newDescriptor = "(I" + descriptor.substring(1);
                }
                Object[] rewritten = arguments.clone();
                rewritten[1] = new Handle(H_INVOKESTATIC, HookClasses.owner(hook.hook()), hook.hook(), hook.descriptor(),
                        false);
                super.visitInvokeDynamicInsn(name, newDescriptor, bootstrap, rewritten);
                return;
            }
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    private static boolean serializable(Handle bootstrap, Object[] arguments) {
        return bootstrap.getName().equals("altMetafactory") && arguments.length > 3 && arguments[3] instanceof Integer flags
                && (flags & 1) != 0;
    }

    /**
     * Whether an atomic access only loads ({@code VarHandle.get}, {@code getVolatile}, {@code getAcquire},
     * {@code getOpaque}; {@code Unsafe.getInt}, {@code getLongVolatile}, {@code getReferenceAcquire}, …
     * but not {@code getAndAdd*}, {@code getAndSet*}): the spin detector counts it as a read.
     */
    private static boolean isAtomicLoad(String owner, String name) {
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return name.equals("get") || name.equals("getVolatile") || name.equals("getAcquire") || name.equals("getOpaque");
        }
        return name.startsWith("get") && !name.startsWith("getAnd");
    }

    /** {@code Unsafe} heap accesses and every {@code VarHandle} access mode: one atomic step each. */
    private static boolean isAtomicAccess(String owner, String name, String descriptor) {
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return !name.equals("accessModeType") && !name.equals("toMethodHandle") && !name.equals("varType")
                    && !name.equals("coordinateTypes") && !name.equals("hasInvokeExactBehavior")
                    && !name.equals("withInvokeExactBehavior") && !name.equals("withInvokeBehavior")
                    && !name.equals("describeConstable") && !name.endsWith("Fence");
        }
        if (owner.equals("jdk/internal/misc/Unsafe") || owner.equals("sun/misc/Unsafe")) {
            if (!descriptor.startsWith("(Ljava/lang/Object;J")) {
                return false;
            }
            return name.startsWith("get") || name.startsWith("put") || name.startsWith("compareAnd")
                    || name.startsWith("weakCompareAnd");
        }
        return false;
    }
}
