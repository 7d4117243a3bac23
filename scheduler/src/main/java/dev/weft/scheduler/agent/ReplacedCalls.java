package dev.weft.scheduler.agent;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/**
 * The JDK methods whose calls instrumented code makes to a hook instead ({@code Thread.start},
 * {@code Object.wait}, {@code LockSupport.park}, clocks, identity hash codes, the JDK 21+ ways of
 * starting threads), called directly or named by a method reference, and the hook each one becomes.
 */
final class ReplacedCalls implements Opcodes {

    /**
     * The hook that replaces a call: its name (its owner: {@link HookClasses#owner}) and descriptor, and
     * whether the site is passed to it (last for a call, first for a method reference's {@code …Ref} hook).
     */
    record Replacement(String hook, String descriptor, boolean withSite) {}

    private ReplacedCalls() {}

    /** The hook that replaces a call of {@code owner.name descriptor} with {@code opcode}, or {@code null}. */
    static Replacement of(int opcode, String owner, String name, String descriptor, ClassLoader loader) {
        String hookName = null;
        String hookDescriptor = null;
        boolean withSite = true;
        if (opcode == INVOKEVIRTUAL && owner.equals("jdk/internal/vm/SharedThreadContainer")
                && (name + descriptor).equals("start(Ljava/lang/Thread;)V")) {
            hookName = "startInContainer";
            hookDescriptor = "(Ljava/lang/Object;Ljava/lang/Thread;I)V";
        } else if (opcode == INVOKEINTERFACE && owner.startsWith("java/lang/Thread$Builder")
                && (name + descriptor).equals("start(Ljava/lang/Runnable;)Ljava/lang/Thread;")) {
            // JDK 21+: Thread.ofVirtual().start(task), Thread.ofPlatform().start(task)
            hookName = "builderStart";
            hookDescriptor = "(Ljava/lang/Object;Ljava/lang/Runnable;I)Ljava/lang/Thread;";
        } else if (opcode == INVOKEINTERFACE && owner.equals("jdk/internal/access/JavaLangAccess")
                && (name + descriptor).equals("start(Ljava/lang/Thread;Ljdk/internal/vm/ThreadContainer;)V")) {
            // JDK 21+: how Executors.newVirtualThreadPerTaskExecutor() (ThreadPerTaskExecutor) starts its threads
            hookName = "startWithAccess";
            hookDescriptor = "(Ljava/lang/Object;Ljava/lang/Thread;Ljava/lang/Object;I)V";
        } else if (opcode == INVOKESTATIC && owner.equals("java/lang/Thread")
                && (name + descriptor).equals("startVirtualThread(Ljava/lang/Runnable;)Ljava/lang/Thread;")) {
            hookName = "startVirtualThread";
            hookDescriptor = "(Ljava/lang/Runnable;I)Ljava/lang/Thread;";
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
                            case "join(JI)V" -> { hookName = "join"; hookDescriptor = "(Ljava/lang/Thread;JII)V"; }
                            case "join(Ljava/time/Duration;)Z" -> { hookName = "joinFor"; hookDescriptor = "(Ljava/lang/Thread;Ljava/lang/Object;I)Z"; }
                            case "interrupt()V" -> { hookName = "interrupt"; hookDescriptor = "(Ljava/lang/Thread;I)V"; }
                            case "isInterrupted()Z" -> { hookName = "isInterrupted"; hookDescriptor = "(Ljava/lang/Thread;)Z"; withSite = false; }
                            case "isAlive()Z" -> { hookName = "isAlive"; hookDescriptor = "(Ljava/lang/Thread;)Z"; withSite = false; }
                            case "getState()Ljava/lang/Thread$State;" -> {
                                hookName = "getState";
                                hookDescriptor = "(Ljava/lang/Thread;I)Ljava/lang/Thread$State;";
                            }
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
        return hookName == null ? null : new Replacement(hookName, hookDescriptor, withSite);
    }

    /**
     * The hook that replaces the method a reference names, or {@code null}. A {@code …Ref} hook takes the
     * site as its first argument, captured ahead of the reference's receiver and arguments.
     */
    static Replacement reference(Handle method, ClassLoader loader) {
        String owner = method.getOwner();
        String signature = method.getName() + method.getDesc();
        int tag = method.getTag();
        if (tag == H_INVOKEVIRTUAL || tag == H_INVOKEINTERFACE) {
            String object = "Ljava/lang/Object;";
            switch (signature) {
                case "wait()V": return ref("waitRef", "(I" + object + ")V");
                case "wait(J)V": return ref("waitRef", "(I" + object + "J)V");
                case "wait(JI)V": return ref("waitRef", "(I" + object + "JI)V");
                case "notify()V": return ref("notifyRef", "(I" + object + ")V");
                case "notifyAll()V": return ref("notifyAllRef", "(I" + object + ")V");
                default: break;
            }
            if (tag == H_INVOKEVIRTUAL && isThreadMethod(signature) && ClassInfo.isThread(loader, owner)) {
                String thread = "Ljava/lang/Thread;";
                return switch (signature) {
                    case "start()V" -> ref("startRef", "(I" + thread + ")V");
                    case "join()V" -> ref("joinRef", "(I" + thread + ")V");
                    case "join(J)V" -> ref("joinRef", "(I" + thread + "J)V");
                    case "join(JI)V" -> ref("joinRef", "(I" + thread + "JI)V");
                    case "interrupt()V" -> ref("interruptRef", "(I" + thread + ")V");
                    case "isInterrupted()Z" -> ref("isInterrupted", "(" + thread + ")Z");
                    case "isAlive()Z" -> ref("isAlive", "(" + thread + ")Z");
                    default -> null;
                };
            }
            return null;
        }
        if (tag != H_INVOKESTATIC) {
            return null;
        }
        return switch (owner + "." + signature) {
            case "java/lang/Thread.sleep(J)V" -> ref("sleepRef", "(IJ)V");
            case "java/lang/Thread.sleep(JI)V" -> ref("sleepRef", "(IJI)V");
            case "java/lang/Thread.yield()V" -> ref("yieldRef", "(I)V");
            case "java/lang/Thread.onSpinWait()V" -> ref("onSpinWaitRef", "(I)V");
            case "java/lang/Thread.currentThread()Ljava/lang/Thread;" -> ref("currentThread", "()Ljava/lang/Thread;");
            case "java/lang/Thread.interrupted()Z" -> ref("interrupted", "()Z");
            case "java/util/concurrent/locks/LockSupport.park()V" -> ref("parkRef", "(I)V");
            case "java/util/concurrent/locks/LockSupport.park(Ljava/lang/Object;)V" -> ref("parkRef", "(ILjava/lang/Object;)V");
            case "java/util/concurrent/locks/LockSupport.parkNanos(J)V" -> ref("parkNanosRef", "(IJ)V");
            case "java/util/concurrent/locks/LockSupport.parkNanos(Ljava/lang/Object;J)V" ->
                    ref("parkNanosRef", "(ILjava/lang/Object;J)V");
            case "java/util/concurrent/locks/LockSupport.parkUntil(J)V" -> ref("parkUntilRef", "(IJ)V");
            case "java/util/concurrent/locks/LockSupport.parkUntil(Ljava/lang/Object;J)V" ->
                    ref("parkUntilRef", "(ILjava/lang/Object;J)V");
            case "java/util/concurrent/locks/LockSupport.unpark(Ljava/lang/Thread;)V" -> ref("unparkRef", "(ILjava/lang/Thread;)V");
            case "java/lang/System.nanoTime()J" -> ref("nanoTime", "()J");
            case "java/lang/System.currentTimeMillis()J" -> ref("currentTimeMillis", "()J");
            case "java/lang/System.identityHashCode(Ljava/lang/Object;)I" -> ref("identityHashCode", "(Ljava/lang/Object;)I");
            default -> null;
        };
    }

    private static Replacement ref(String hook, String descriptor) {
        return new Replacement(hook, descriptor, hook.endsWith("Ref"));
    }

    /**
     * Whether a call is to {@code wait} or {@code notify}: the only calls a class of
     * {@link InstrumentationScope.Mode#MONITORS} has rewritten.
     */
    static boolean isMonitorCall(int opcode, String name, String descriptor) {
        if (opcode != INVOKEVIRTUAL && opcode != INVOKEINTERFACE) {
            return false;
        }
        return switch (name + descriptor) {
            case "wait()V", "wait(J)V", "wait(JI)V", "notify()V", "notifyAll()V" -> true;
            default -> false;
        };
    }

    private static boolean isThreadMethod(String nameAndDescriptor) {
        return switch (nameAndDescriptor) {
            case "start()V", "join()V", "join(J)V", "join(JI)V", "join(Ljava/time/Duration;)Z", "interrupt()V", "isInterrupted()Z",
                    "isAlive()Z", "getState()Ljava/lang/Thread$State;" -> true;
            default -> false;
        };
    }

    private static boolean isValueClass(String owner) {
        return owner.equals("java/lang/String") || owner.equals("java/lang/Integer") || owner.equals("java/lang/Long")
                || owner.equals("java/lang/Short") || owner.equals("java/lang/Byte") || owner.equals("java/lang/Character")
                || owner.equals("java/lang/Boolean") || owner.equals("java/lang/Double") || owner.equals("java/lang/Float")
                || owner.equals("java/lang/Enum");
    }
}
