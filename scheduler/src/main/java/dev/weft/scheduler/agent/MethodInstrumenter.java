package dev.weft.scheduler.agent;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites one method body: a hook call before every shared access and synchronization action,
 * and calls to {@code Thread}, {@code Object.wait/notify}, {@code LockSupport}, clocks and identity
 * hash codes redirected to {@link dev.weft.boot.Hooks}. Inserted code is straight-line and leaves
 * the operand stack as it found it, so existing stack-map frames stay valid.
 */
final class MethodInstrumenter extends MethodVisitor implements Opcodes {

    static final String HOOKS = "dev/weft/boot/Hooks";

    private final String className;
    private final String methodName;
    private final String fileName;
    private final ClassLoader loader;
    private final boolean constructor;
    private final ClassInstrumenter.FieldFlags ownFields;
    private final boolean staticMethod;
    private final boolean classConstants;
    /** Places the hook after a {@code monitorexit} outside the block's catch-all range; {@code null} in old class files. */
    private final ExitHookPlacement exitHooks;

    private int line = -1;
    private boolean superCalled;
    private int pendingNews;

    /**
     * @param staticMethod whether the method is static (it has no {@code this} for atomic owners)
     * @param classConstants whether the class file version allows class constants ({@code ldc} of a class)
     * @param framesRequired whether the class file version requires stack-map frames (51 and later)
     */
    MethodInstrumenter(MethodVisitor next, String className, String methodName, String fileName, ClassLoader loader,
            ClassInstrumenter.FieldFlags ownFields, boolean staticMethod, boolean classConstants, boolean framesRequired) {
        super(ASM9, framesRequired ? new ExitHookPlacement(next) : next);
        this.exitHooks = framesRequired ? (ExitHookPlacement) mv : null;
        this.staticMethod = staticMethod;
        this.classConstants = classConstants;
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.loader = loader;
        this.constructor = methodName.equals("<init>");
        this.superCalled = !constructor;
        this.ownFields = ownFields;
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
        super.visitMethodInsn(INVOKESTATIC, HOOKS, name, descriptor, false);
    }

    // ---- fields ----

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
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
                int site = site(Site.Kind.MONITOR_EXIT, "", 0);
                if (exitHooks != null) {
                    exitHooks.monitorExitHook(site);
                } else {
                    pushInt(site);
                    hook("monitorExit", "(Ljava/lang/Object;I)V");
                }
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
        if (rewriteCall(opcode, owner, name, descriptor)) {
            return;
        }
        if (isAtomicAccess(owner, name, descriptor)) {
            pushAtomicOwner();
            pushSite(Site.Kind.ATOMIC, owner.substring(owner.lastIndexOf('/') + 1) + "." + name, 0);
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
        String hookName = null;
        String hookDescriptor = null;
        boolean withSite = true;
        if (opcode == INVOKEVIRTUAL && owner.equals("jdk/internal/vm/SharedThreadContainer")
                && (name + descriptor).equals("start(Ljava/lang/Thread;)V")) {
            hookName = "startInContainer";
            hookDescriptor = "(Ljava/lang/Object;Ljava/lang/Thread;I)V";
        } else if (opcode == INVOKEVIRTUAL && owner.equals("jdk/internal/misc/Unsafe")
                && (name + descriptor).equals("park(ZJ)V")) {
            // the JDK 21+ ForkJoinPool parks and wakes its workers through Unsafe, not LockSupport
            hookName = "unsafePark";
            hookDescriptor = "(Ljava/lang/Object;ZJI)V";
        } else if (opcode == INVOKEVIRTUAL && owner.equals("jdk/internal/misc/Unsafe")
                && (name + descriptor).equals("unpark(Ljava/lang/Object;)V")) {
            hookName = "unsafeUnpark";
            hookDescriptor = "(Ljava/lang/Object;Ljava/lang/Object;I)V";
        } else if (opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE) {
            switch (name + descriptor) {
                case "wait()V" -> { hookName = "waitOn"; hookDescriptor = "(Ljava/lang/Object;I)V"; }
                case "wait(J)V" -> { hookName = "waitOn"; hookDescriptor = "(Ljava/lang/Object;JI)V"; }
                case "wait(JI)V" -> { hookName = "waitOn"; hookDescriptor = "(Ljava/lang/Object;JII)V"; }
                case "notify()V" -> { hookName = "notify"; hookDescriptor = "(Ljava/lang/Object;I)V"; }
                case "notifyAll()V" -> { hookName = "notifyAll"; hookDescriptor = "(Ljava/lang/Object;I)V"; }
                case "hashCode()I" -> {
                    if (!isValueClass(owner)) {
                        hookName = "hashCode";
                        hookDescriptor = "(Ljava/lang/Object;)I";
                        withSite = false;
                    }
                }
                default -> {
                    if (opcode == INVOKEVIRTUAL && isThreadMethod(name + descriptor) && ClassInfo.isThread(loader, owner)) {
                        switch (name + descriptor) {
                            case "start()V" -> { hookName = "start"; hookDescriptor = "(Ljava/lang/Thread;I)V"; }
                            case "join()V" -> { hookName = "join"; hookDescriptor = "(Ljava/lang/Thread;I)V"; }
                            case "join(J)V" -> { hookName = "join"; hookDescriptor = "(Ljava/lang/Thread;JI)V"; }
                            case "interrupt()V" -> { hookName = "interrupt"; hookDescriptor = "(Ljava/lang/Thread;I)V"; }
                            case "isInterrupted()Z" -> { hookName = "isInterrupted"; hookDescriptor = "(Ljava/lang/Thread;)Z"; withSite = false; }
                            case "isAlive()Z" -> { hookName = "isAlive"; hookDescriptor = "(Ljava/lang/Thread;)Z"; withSite = false; }
                            default -> { }
                        }
                    }
                }
            }
        } else if (opcode == INVOKESTATIC) {
            switch (owner) {
                case "java/lang/Thread" -> {
                    switch (name + descriptor) {
                        case "currentThread()Ljava/lang/Thread;" -> { hookName = "currentThread"; hookDescriptor = "()Ljava/lang/Thread;"; withSite = false; }
                        case "sleep(J)V" -> { hookName = "sleep"; hookDescriptor = "(JI)V"; }
                        case "sleep(JI)V" -> { hookName = "sleep"; hookDescriptor = "(JII)V"; }
                        case "yield()V" -> { hookName = "yield"; hookDescriptor = "(I)V"; }
                        case "onSpinWait()V" -> { hookName = "onSpinWait"; hookDescriptor = "(I)V"; }
                        case "interrupted()Z" -> { hookName = "interrupted"; hookDescriptor = "()Z"; withSite = false; }
                        default -> { }
                    }
                }
                case "java/util/concurrent/locks/LockSupport" -> {
                    switch (name + descriptor) {
                        case "park()V" -> { hookName = "park"; hookDescriptor = "(I)V"; }
                        case "park(Ljava/lang/Object;)V" -> { hookName = "park"; hookDescriptor = "(Ljava/lang/Object;I)V"; }
                        case "parkNanos(J)V" -> { hookName = "parkNanos"; hookDescriptor = "(JI)V"; }
                        case "parkNanos(Ljava/lang/Object;J)V" -> { hookName = "parkNanos"; hookDescriptor = "(Ljava/lang/Object;JI)V"; }
                        case "parkUntil(J)V" -> { hookName = "parkUntil"; hookDescriptor = "(JI)V"; }
                        case "parkUntil(Ljava/lang/Object;J)V" -> { hookName = "parkUntil"; hookDescriptor = "(Ljava/lang/Object;JI)V"; }
                        case "unpark(Ljava/lang/Thread;)V" -> { hookName = "unpark"; hookDescriptor = "(Ljava/lang/Thread;I)V"; }
                        default -> { }
                    }
                }
                case "java/lang/System" -> {
                    switch (name + descriptor) {
                        case "nanoTime()J" -> { hookName = "nanoTime"; hookDescriptor = "()J"; withSite = false; }
                        case "currentTimeMillis()J" -> { hookName = "currentTimeMillis"; hookDescriptor = "()J"; withSite = false; }
                        case "identityHashCode(Ljava/lang/Object;)I" -> { hookName = "identityHashCode"; hookDescriptor = "(Ljava/lang/Object;)I"; withSite = false; }
                        default -> { }
                    }
                }
                default -> { }
            }
        }
        if (hookName == null) {
            return false;
        }
        if (withSite) {
            pushSite(Site.Kind.CALL, owner.substring(owner.lastIndexOf('/') + 1) + "." + name, 0);
        }
        hook(hookName, hookDescriptor);
        return true;
    }

    private static boolean isThreadMethod(String nameAndDescriptor) {
        return switch (nameAndDescriptor) {
            case "start()V", "join()V", "join(J)V", "interrupt()V", "isInterrupted()Z", "isAlive()Z" -> true;
            default -> false;
        };
    }

    private static boolean isValueClass(String owner) {
        return owner.equals("java/lang/String") || owner.equals("java/lang/Integer") || owner.equals("java/lang/Long")
                || owner.equals("java/lang/Short") || owner.equals("java/lang/Byte") || owner.equals("java/lang/Character")
                || owner.equals("java/lang/Boolean") || owner.equals("java/lang/Double") || owner.equals("java/lang/Float")
                || owner.equals("java/lang/Enum");
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
