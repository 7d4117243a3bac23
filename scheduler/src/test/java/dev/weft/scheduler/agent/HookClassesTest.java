package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent's table of hook owners agrees with the hook classes, and every hook call the agent emits
 * names a method its owner declares with that descriptor (a wrong owner or descriptor would only
 * fail when the rewritten code first runs that path, perhaps only on another JDK).
 */
class HookClassesTest {

    /** Public static methods of the hook classes that the runtime calls, not instrumented code. */
    private static final Set<String> CALLED_BY_THE_RUNTIME = Set.of("initializedStatics");

    @Test
    void everyHookInTheTable_isDeclaredByItsOwner_andEveryHookOfTheClassesIsInTheTable() throws Exception {
        Map<String, String> declared = new HashMap<>();
        for (String owner : HookClasses.ALL) {
            for (Method method : Class.forName(owner.replace('/', '.')).getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                        && !CALLED_BY_THE_RUNTIME.contains(method.getName())) {
                    String other = declared.put(method.getName(), owner);
                    assertThat(other).as("hook %s is declared by %s and %s", method.getName(), other, owner).isIn(null, owner);
                }
            }
        }
        assertThat(HookClasses.owners()).containsExactlyInAnyOrderEntriesOf(declared);
    }

    @Test
    void theBootstrapJarHoldsEveryClassOfTheBootPackage() throws Exception {
        Path boot = Path.of(WeftAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/weft/boot");
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.list(boot)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .forEach(name -> classes.add("dev/weft/boot/" + name.substring(0, name.length() - ".class".length())));
        }
        assertThat(classes).as("the classes of dev.weft.boot").contains("dev/weft/boot/WorkerState", "dev/weft/boot/RuntimeHooks");
        assertThat(new TreeSet<>(List.of(BootstrapJar.CLASSES))).isEqualTo(classes);
    }

    @Test
    void everyHookCallTheAgentEmits_namesAMethodItsOwnerDeclares() throws Exception {
        List<String> calls = new ArrayList<>();
        for (Class<?> type : List.of(Replaced.class, java.util.concurrent.ConcurrentHashMap.class,
                java.util.concurrent.locks.AbstractQueuedSynchronizer.class, java.util.concurrent.FutureTask.class,
                java.util.ArrayList.class, java.util.Vector.class, java.util.Random.class, java.lang.Runtime.class)) {
            String name = type.getName().replace('.', '/');
            byte[] bytes;
            try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                bytes = in.readAllBytes();
            }
            InstrumentationScope.Mode mode = type == Replaced.class ? InstrumentationScope.Mode.FULL
                    : InstrumentationScope.modeOf(name, null);
            // Vector's synchronized methods as retransformed (loaded before the agent), the others as loaded
            boolean retransformed = type == java.util.Vector.class;
            calls.addAll(hookCalls(WeftTransformer.rewrite(bytes, getClass().getClassLoader(), mode, retransformed,
                    type == Replaced.class)));
        }
        Set<String> names = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        for (String call : calls) {
            String[] parts = call.split(" ");
            names.add(parts[1]);
            if (!declares(parts[0], parts[1], parts[2])) {
                unresolved.add(call);
            }
        }
        assertThat(unresolved).as("hook calls whose owner has no such method").isEmpty();
        // the calls seen cover every kind of hook: accesses, monitors, threads (also as method references), clocks, regions
        assertThat(names).contains("read", "writeValue", "arrayRead", "arrayWrite", "readValue", "atomic", "collectionEnter",
                "monitorEnter", "monitorExit", "syncMethodEnter", "waitOn", "notifyAll", "park", "parkNanos", "unpark", "start",
                "join", "sleep", "yield", "interrupted", "currentThread", "nanoTime", "identityHashCode", "randomSeed",
                "backEdge", "beforeExit", "staticsInitialized", "startRef", "parkRef", "waitRef", "sleepRef", "yieldRef");
    }

    private static boolean declares(String owner, String name, String descriptor) throws ClassNotFoundException {
        for (Method method : Class.forName(owner.replace('/', '.')).getDeclaredMethods()) {
            if (method.getName().equals(name) && Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                    && MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString()
                            .equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    /** "owner name descriptor" of every call and method handle into dev.weft.boot in a class file. */
    private static List<String> hookCalls(byte[] bytes) {
        return MethodCalls.of(bytes).stream().filter(call -> call.owner().startsWith("dev/weft/boot/")).map(MethodCalls.Call::target).toList();
    }

    /** Calls of what the hooks replace, directly and as method references (rewritten, never run). */
    @SuppressWarnings({"unused", "deprecation"})
    static final class Replaced {
        static int counter;
        int field;
        int[] array = new int[1];

        synchronized void everything(Thread thread, Object monitor) throws Exception {
            field = array[0] + field;
            array[0] = field;
            for (int i = 0; i < 2; i++) {
                thread.start();
            }
            thread.join();
            thread.join(1);
            thread.join(1, 1);
            thread.interrupt();
            boolean flags = thread.isInterrupted() | thread.isAlive() | Thread.interrupted();
            Thread.State state = thread.getState();
            Thread.sleep(1);
            Thread.sleep(1, 1);
            Thread.yield();
            Thread.onSpinWait();
            Thread current = Thread.currentThread();
            synchronized (monitor) {
                monitor.wait();
                monitor.wait(1);
                monitor.wait(1, 1);
                monitor.notify();
                monitor.notifyAll();
            }
            LockSupport.park();
            LockSupport.park(monitor);
            LockSupport.parkNanos(1);
            LockSupport.parkNanos(monitor, 1);
            LockSupport.parkUntil(1);
            LockSupport.parkUntil(monitor, 1);
            LockSupport.unpark(thread);
            long time = System.nanoTime() + System.currentTimeMillis() + System.identityHashCode(monitor) + monitor.hashCode();
            java.util.Random random = new java.util.Random();
            java.util.concurrent.ForkJoinPool pool = java.util.concurrent.ForkJoinPool.commonPool();
        }

        static List<Object> references(Thread thread, Object monitor) {
            List<Object> references = new ArrayList<>();
            references.add((Runnable) thread::start);
            references.add((Consumer<Thread>) Thread::start);
            references.add((Consumer<Thread>) Thread::interrupt);
            references.add((Runnable) Thread::yield);
            references.add((Runnable) Thread::onSpinWait);
            references.add((Runnable) LockSupport::park);
            references.add((Consumer<Object>) LockSupport::park);
            references.add((Consumer<Thread>) LockSupport::unpark);
            references.add((Consumer<Object>) Object::notify);
            references.add((Consumer<Object>) Object::notifyAll);
            references.add((java.util.function.Supplier<Thread>) Thread::currentThread);
            references.add((java.util.function.LongSupplier) System::nanoTime);
            references.add((java.util.function.BooleanSupplier) Thread::interrupted);
            references.add((java.util.function.Predicate<Thread>) Thread::isAlive);
            references.add((Interruptible) Thread::sleep);
            references.add((InterruptibleOn) Object::wait);
            references.add((InterruptibleOn) Thread::join);
            return references;
        }

        interface Interruptible {
            void run(long millis) throws InterruptedException;
        }

        interface InterruptibleOn {
            void run(Thread target) throws InterruptedException;
        }
    }
}
