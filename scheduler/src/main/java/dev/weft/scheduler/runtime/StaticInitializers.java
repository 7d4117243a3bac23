package dev.weft.scheduler.runtime;

import dev.weft.boot.BoundaryHooks;
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

    /** The static fields an execution's reset can change, per class, looked up once. */
    private final java.util.Map<Class<?>, java.lang.reflect.Field[]> fields = new java.util.HashMap<>();

    private static final MethodType VOID = MethodType.methodType(void.class);

    private final List<Entry> entries = new ArrayList<>();
    private int registered;

    /** The entries the last reset chose, for the policy and the number of entries it chose them from. */
    private Entry[] lastChosen = new Entry[0];
    private FreshStatics chosenFor;
    private int chosenFrom = -1;

    /** The classes registered so far, in order of first initialization; new ones looked up once. */
    private synchronized List<Entry> entries() {
        MethodHandles.Lookup[] added = BoundaryHooks.initializedStatics(registered);
        registered += added.length;
        for (MethodHandles.Lookup lookup : added) {
            Class<?> type = lookup.lookupClass();
            try {
                entries.add(new Entry(type, lookup.findStatic(type, "weft$zero", VOID), lookup.findStatic(type, "weft$clinit", VOID)));
            } catch (ReflectiveOperationException e) {
                // prepared only in part (a class with native methods): its statics are left as they are
            }
        }
        return entries;
    }

    /**
     * The entries {@code policy} resets, in order: chosen again only when classes were initialized
     * since the last choice or the policy is another one, so that an execution of a test whose
     * classes are all loaded pays only for running their initializers.
     */
    private synchronized Entry[] chosen(FreshStatics policy) {
        List<Entry> all = entries();
        if (!policy.equals(chosenFor) || all.size() != chosenFrom) {
            List<Entry> reset = new ArrayList<>();
            for (Entry entry : all) {
                if (policy.resets(entry.type().getName())) {
                    reset.add(entry);
                }
            }
            lastChosen = reset.toArray(new Entry[0]);
            chosenFor = policy;
            chosenFrom = all.size();
        }
        return lastChosen;
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
            chosen = chosen(policy);
        } finally {
            if (self != null) {
                self.active = wasActive;
            }
        }
        if (chosen.length == 0) {
            return;
        }
        // an array, not a list: a collection's accesses here would be the program's scheduling points
        BoundaryHooks.classInitBegin();
        try {
            for (Entry entry : chosen) {
                invoke(entry, entry.zero());
            }
            for (Entry entry : chosen) {
                invoke(entry, entry.initializer());
            }
        } finally {
            BoundaryHooks.classInitEnd();
        }
    }

    /**
     * The values the reset can change, as they are now, to put back with {@link Saved#restore()} once
     * the executions are over: code outside them (a test's set-up, another test engine's tests in the
     * same class) keeps seeing what it had, whatever the executions left in statics.
     */
    synchronized Saved save() {
        List<java.lang.reflect.Field> saved = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Entry entry : entries()) {
            for (java.lang.reflect.Field field : fields.computeIfAbsent(entry.type(), StaticInitializers::resettable)) {
                try {
                    values.add(field.get(null));
                    saved.add(field);
                } catch (IllegalAccessException e) {
                    // not accessible after all: left as the executions leave it
                }
            }
        }
        return new Saved(saved, values);
    }

    /** Static values saved by {@link #save()}. */
    static final class Saved {
        private final List<java.lang.reflect.Field> fields;
        private final List<Object> values;

        private Saved(List<java.lang.reflect.Field> fields, List<Object> values) {
            this.fields = fields;
            this.values = values;
        }

        void restore() {
            for (int i = 0; i < fields.size(); i++) {
                try {
                    fields.get(i).set(null, values.get(i));
                } catch (IllegalAccessException e) {
                    // cannot happen: read the same way
                }
            }
        }
    }

    /** The static fields of {@code type} that are not {@code final} (the agent took it off those it resets). */
    private static java.lang.reflect.Field[] resettable(Class<?> type) {
        List<java.lang.reflect.Field> found = new ArrayList<>();
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (java.lang.reflect.Modifier.isStatic(modifiers) && !java.lang.reflect.Modifier.isFinal(modifiers)) {
                try {
                    field.setAccessible(true);
                    found.add(field);
                } catch (RuntimeException e) {
                    // a class in a module that does not open it: not restored
                }
            }
        }
        return found.toArray(new java.lang.reflect.Field[0]);
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
