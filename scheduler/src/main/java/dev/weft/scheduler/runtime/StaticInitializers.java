package dev.weft.scheduler.runtime;

import dev.weft.boot.Hooks;
import dev.weft.boot.WorkerState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The application classes initialized so far, in the order their static initializers completed, and
 * the reset of their static state before an execution ({@link FreshStatics}). The agent prepared each
 * such class as it loaded: {@code weft$zero} sets its static fields back to their defaults,
 * {@code weft$clinit} is a copy of its static initializer, and the initializer handed over the class's
 * lookup as it completed.
 */
final class StaticInitializers {

    private record Entry(Class<?> type, MethodHandle zero, MethodHandle initializer) {}

    private static final MethodType VOID = MethodType.methodType(void.class);

    private final List<Entry> entries = new ArrayList<>();
    private int registered;

    /** The classes registered so far, in order of first initialization; new ones looked up once. */
    private synchronized List<Entry> entries() {
        MethodHandles.Lookup[] added = Hooks.initializedStatics(registered);
        registered += added.length;
        for (MethodHandles.Lookup lookup : added) {
            Class<?> type = lookup.lookupClass();
            try {
                entries.add(new Entry(type, lookup.findStatic(type, "weft$zero", VOID), lookup.findStatic(type, "weft$clinit", VOID)));
            } catch (ReflectiveOperationException e) {
                // prepared only in part (a class with native methods): its statics are left as they are
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * A program that first resets the statics {@code policy} covers, then runs {@code program}. The
     * reset runs on thread 0 as a class initializer runs: without preemption, and with the execution's
     * identity hash codes, so that a table it fills is looked up with the same hashes in the program.
     */
    Program around(Program program, FreshStatics policy) {
        return () -> {
            reset(policy);
            program.run();
        };
    }

    private void reset(FreshStatics policy) {
        WorkerState self = WorkerState.current();
        boolean wasActive = self != null && self.active;
        if (self != null) {
            self.active = false; // the bookkeeping below is the runtime's, not the program's
        }
        Entry[] chosen;
        try {
            List<Entry> reset = new ArrayList<>();
            for (Entry entry : entries()) {
                if (policy.resets(entry.type().getName())) {
                    reset.add(entry);
                }
            }
            chosen = reset.toArray(new Entry[0]);
        } finally {
            if (self != null) {
                self.active = wasActive;
            }
        }
        if (chosen.length == 0) {
            return;
        }
        // an array, not a list: a collection's accesses here would be the program's scheduling points
        Hooks.classInitBegin();
        try {
            for (Entry entry : chosen) {
                invoke(entry, entry.zero());
            }
            for (Entry entry : chosen) {
                invoke(entry, entry.initializer());
            }
        } finally {
            Hooks.classInitEnd();
        }
    }

    private static void invoke(Entry entry, MethodHandle method) {
        try {
            method.invokeExact();
        } catch (ExecutionAbort abort) {
            throw abort;
        } catch (Throwable e) {
            String name = entry.type().getName();
            throw new IllegalStateException("the static initializer of " + name + " failed when weft ran it again for a fresh execution ("
                    + e + "); keep its statics from one execution to the next with weft.statics.keep=" + name
                    + " or @ConcurrencyTest(freshStatics = false)", e);
        }
    }
}
