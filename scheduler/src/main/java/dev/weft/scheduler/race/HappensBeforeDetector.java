package dev.weft.scheduler.race;

import dev.weft.scheduler.agent.Site;
import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.runtime.ExecutionControl;
import dev.weft.scheduler.runtime.ExecutionListener;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.boot.WorkerState;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A happens-before data-race detector over one controlled execution: vector clocks per thread and
 * per synchronization object, FastTrack epochs per memory location (Flanagan and Freund, PLDI 2009).
 *
 * <p>A data race is two accesses to the same field of the same object (or the same static field,
 * or the same array element), by different threads, at least one a write, at least one plain (not
 * volatile, not atomic), that happens-before does not order. Happens-before comes from program
 * order, thread start and join, monitors (a release orders later acquires of the same monitor,
 * {@code wait} included), volatile accesses and atomic operations (a write or operation orders
 * later accesses of the same object: per object, not per field), {@code unpark} → the
 * {@code park} it ends, and {@code interrupt} → whoever finds the thread interrupted.
 * {@code java.util.concurrent} is instrumented, so locks, latches,
 * executors, futures and concurrent collections order through their own volatile and atomic
 * internals.
 *
 * <p>Limits: atomic operations synchronize on the calling method's {@code this} or class, an
 * over-approximation that can hide a race but never invents one; volatile and atomic accesses to
 * different fields of one object are taken as ordering each other (same effect); accesses inside
 * thread-safe JDK classes, constructors' writes to their own fields and anything in native code
 * are not checked. Only the executions Weft runs are seen.
 */
final class HappensBeforeDetector implements ExecutionListener {

    private static final int STACK_FRAMES = 8;
    /** Findings per execution that get stacks; later ones (WARN mode) carry sites only, stacks cost a safepoint each. */
    private static final int FINDINGS_WITH_STACKS = 4;

    private final Set<String> suppressedFields;
    private ExecutionControl control;

    private VectorClock[] threadClocks = new VectorClock[4];
    private VectorClock[] permits = new VectorClock[4];
    private VectorClock[] interrupts = new VectorClock[4];
    /** Monitors each thread holds, with counts, for reports. */
    private MonitorSet[] held = new MonitorSet[4];

    private final IdentityTable<VectorClock> monitors = new IdentityTable<>();
    private final IdentityTable<VectorClock> syncObjects = new IdentityTable<>();
    private final Map<String, VectorClock> staticSync = new HashMap<>();

    private final IdentityTable<Shadow> objectFields = new IdentityTable<>();
    private Shadow[] staticFields = new Shadow[16];
    private final IdentityTable<Shadow[]> arrays = new IdentityTable<>();
    /** Pairs of sites already reported in this execution (WARN mode goes on after a report). */
    private final java.util.Set<Long> reported = new java.util.HashSet<>();

    /** The access whose stack is recorded as it happens (a re-run of a race), or -1. */
    private final int captureThread;
    private final int captureSite;

    /**
     * Whether a race on {@code field} ({@code Simple.name}) is suppressed: by that name, by the fully
     * qualified field ({@code com.example.Simple.name}), by its class ({@code com.example.Simple}) or
     * by a package pattern ({@code com.example.*}, which covers subpackages).
     */
    private boolean suppressed(String field, int site) {
        if (suppressedFields.isEmpty()) {
            return false;
        }
        if (suppressedFields.contains(field)) {
            return true;
        }
        String owner = site == 0 ? null : Sites.fieldOwner(site);
        if (owner == null) {
            return false;
        }
        String name = field.substring(field.indexOf('.') + 1);
        if (suppressedFields.contains(owner + "." + name) || suppressedFields.contains(owner)) {
            return true;
        }
        for (int dot = owner.lastIndexOf('.'); dot > 0; dot = owner.lastIndexOf('.', dot - 1)) {
            if (suppressedFields.contains(owner.substring(0, dot) + ".*")) {
                return true;
            }
        }
        return false;
    }

    HappensBeforeDetector(Set<String> suppressedFields, long stackCapture) {
        this.suppressedFields = suppressedFields;
        this.captureThread = stackCapture == 0 ? -1 : (int) (stackCapture >>> 32);
        this.captureSite = (int) stackCapture;
    }

    @Override
    public void executionStarted(ExecutionControl control) {
        this.control = control;
        clock(0);
    }

    private VectorClock clock(int thread) {
        if (thread >= threadClocks.length) {
            int length = Math.max(thread + 1, threadClocks.length * 2);
            threadClocks = Arrays.copyOf(threadClocks, length);
            permits = Arrays.copyOf(permits, length);
            interrupts = Arrays.copyOf(interrupts, length);
            held = Arrays.copyOf(held, length);
        }
        VectorClock c = threadClocks[thread];
        if (c == null) {
            c = new VectorClock();
            c.set(thread, 1);
            threadClocks[thread] = c;
        }
        return c;
    }

    // ---------------------------------------------------------------- synchronization

    @Override
    public void threadStarted(int parent, int child) {
        VectorClock p = clock(parent);
        VectorClock c = clock(child);
        c.join(p);
        p.increment(parent);
    }

    @Override
    public void joined(int thread, int finished) {
        clock(thread).join(clock(finished));
    }

    @Override
    public void monitorAcquired(int thread, Object monitor) {
        VectorClock released = monitors.get(monitor);
        if (released != null) {
            clock(thread).join(released);
        }
        heldBy(thread).add(monitor);
    }

    @Override
    public void monitorReleased(int thread, Object monitor) {
        VectorClock c = clock(thread);
        VectorClock released = monitors.get(monitor);
        if (released == null) {
            monitors.put(monitor, new VectorClock(c));
        } else {
            released.join(c);
        }
        c.increment(thread);
        heldBy(thread).remove(monitor);
    }

    @Override
    public void unparked(int thread, int target) {
        VectorClock c = clock(thread);
        clock(target);
        VectorClock permit = permits[target];
        if (permit == null) {
            permits[target] = new VectorClock(c);
        } else {
            permit.join(c);
        }
        c.increment(thread);
    }

    @Override
    public void parkReturned(int thread) {
        VectorClock c = clock(thread);
        VectorClock permit = permits[thread];
        if (permit != null) {
            c.join(permit);
        }
    }

    @Override
    public void interrupted(int thread, int target) {
        VectorClock c = clock(thread);
        clock(target);
        if (interrupts[target] == null) {
            interrupts[target] = new VectorClock(c);
        } else {
            interrupts[target].join(c);
        }
        c.increment(thread);
    }

    @Override
    public void interruptObserved(int thread, int target) {
        VectorClock c = clock(thread);
        clock(target);
        if (interrupts[target] != null) {
            c.join(interrupts[target]);
        }
    }

    @Override
    public void atomic(int thread, Object owner, int site) {
        if (owner instanceof AbstractOwnableSynchronizer sync) {
            seeLock(sync);
        }
        VectorClock sync = owner instanceof Class<?> type ? syncClock(null, simpleName(type)) : syncClock(owner, null);
        if (sync != null) {
            acquireRelease(thread, sync);
        }
    }

    private void acquireRelease(int thread, VectorClock sync) {
        VectorClock c = clock(thread);
        c.join(sync);
        sync.join(c);
        c.increment(thread);
    }

    /** The clock of a synchronization object: an instance, or (static members) a class by simple name. */
    private VectorClock syncClock(Object owner, String staticOwner) {
        if (owner != null) {
            VectorClock sync = syncObjects.get(owner);
            if (sync == null) {
                sync = new VectorClock();
                syncObjects.put(owner, sync);
            }
            return sync;
        }
        if (staticOwner == null) {
            return null;
        }
        return staticSync.computeIfAbsent(staticOwner, k -> new VectorClock());
    }

    private static String simpleName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    // ---------------------------------------------------------------- accesses

    @Override
    public void fieldAccess(int thread, Object owner, int site, boolean write) {
        byte role = SiteRoles.role(site);
        if (role == SiteRoles.IGNORE) {
            return;
        }
        if (role == SiteRoles.VOLATILE) {
            volatileAccess(thread, owner, site, write);
            return;
        }
        int field = SiteRoles.fieldId(site);
        Shadow shadow;
        if (owner == null) {
            if (field >= staticFields.length) {
                staticFields = Arrays.copyOf(staticFields, Math.max(field + 1, staticFields.length * 2));
            }
            shadow = staticFields[field];
            if (shadow == null) {
                shadow = new Shadow(field);
                staticFields[field] = shadow;
            }
        } else {
            Shadow first = objectFields.get(owner);
            shadow = first;
            while (shadow != null && shadow.field != field) {
                shadow = shadow.next;
            }
            if (shadow == null) {
                shadow = new Shadow(field);
                shadow.next = first;
                objectFields.put(owner, shadow);
            }
        }
        check(thread, shadow, owner, -1, site, write);
    }

    private void volatileAccess(int thread, Object owner, int site, boolean write) {
        String member = Sites.get(site).member();
        VectorClock sync = syncClock(owner, owner == null ? member.substring(0, member.indexOf('.')) : null);
        VectorClock c = clock(thread);
        if (write) {
            sync.join(c);
            c.increment(thread);
        } else {
            c.join(sync);
        }
    }

    @Override
    public void arrayAccess(int thread, Object array, int index, int site, boolean write) {
        if (SiteRoles.role(site) == SiteRoles.IGNORE) {
            return;
        }
        Shadow[] elements = arrays.get(array);
        if (elements == null) {
            elements = new Shadow[Array.getLength(array)];
            arrays.put(array, elements);
        }
        if (index < 0 || index >= elements.length) {
            return; // the access throws
        }
        Shadow shadow = elements[index];
        if (shadow == null) {
            shadow = new Shadow(0);
            elements[index] = shadow;
        }
        check(thread, shadow, array, index, site, write);
    }

    /** FastTrack's read and write rules, reporting the first unordered pair. */
    private void check(int thread, Shadow s, Object owner, int index, int site, boolean write) {
        VectorClock c = clock(thread);
        int now = c.get(thread);
        Object[] locks = heldBy(thread).snapshot();
        if (!locksSeen.isEmpty()) {
            locks = withLocksHeld(locks);
        }
        if (!write) {
            if (s.readClocks == null ? s.readThread == thread && s.readClock == now
                    : s.readClocks.length > thread && s.readClocks[thread] == now) {
                return;
            }
            if (s.writeThread >= 0 && s.writeThread != thread && s.writeClock > c.get(s.writeThread)) {
                race(s, owner, index, thread, site, false, locks, s.writeThread, s.writeSite, true, s.writeLocks);
            }
            capture(s, thread, site);
            if (s.readClocks != null) {
                s.recordSharedRead(thread, now, site, locks);
            } else if (s.readThread < 0 || s.readThread == thread || s.readClock <= c.get(s.readThread)) {
                s.readThread = thread;
                s.readClock = now;
                s.readSite = site;
                s.readLocks = locks;
            } else {
                s.shareReads();
                s.recordSharedRead(thread, now, site, locks);
            }
            return;
        }
        if (s.writeThread == thread && s.writeClock == now) {
            return;
        }
        if (s.writeThread >= 0 && s.writeThread != thread && s.writeClock > c.get(s.writeThread)) {
            race(s, owner, index, thread, site, true, locks, s.writeThread, s.writeSite, true, s.writeLocks);
        }
        if (s.readClocks != null) {
            for (int u = 0; u < s.readClocks.length; u++) {
                if (u != thread && s.readClocks[u] > c.get(u)) {
                    race(s, owner, index, thread, site, true, locks, u, s.readSites[u], false, s.readLockSets[u]);
                    break;
                }
            }
        } else if (s.readThread >= 0 && s.readThread != thread && s.readClock > c.get(s.readThread)) {
            race(s, owner, index, thread, site, true, locks, s.readThread, s.readSite, false, s.readLocks);
        }
        capture(s, thread, site);
        s.writeThread = thread;
        s.writeClock = now;
        s.writeSite = site;
        s.writeLocks = locks;
        s.readClocks = null;
        s.readThread = -1;
    }

    private void capture(Shadow s, int thread, int site) {
        if (thread == captureThread && site == captureSite) {
            s.capturedStack = control.stack(thread, STACK_FRAMES);
        }
    }

    private void race(Shadow s, Object owner, int index, int thread, int site, boolean write, Object[] locks,
            int other, int otherSite, boolean otherWrite, Object[] otherLocks) {
        if (!reported.add(((long) site << 32) | otherSite)) {
            return; // the same two sites again: reported (or counted) once per execution
        }
        Site later = Sites.get(site);
        Site earlier = Sites.get(otherSite);
        String field;
        String location;
        if (index >= 0) {
            location = control.objectName(owner) + "[" + index + "]";
            field = location.substring(0, location.indexOf('#'));
        } else {
            field = later.member();
            location = owner == null ? field : control.objectName(owner) + field.substring(field.indexOf('.'));
        }
        if (suppressed(field, index >= 0 ? 0 : site)) {
            control.suppressed(field);
            return;
        }
        boolean stacks = reported.size() <= FINDINGS_WITH_STACKS;
        Outcome.Access laterAccess = new Outcome.Access(thread, write ? "writes" : "reads", later.shortLocation(),
                later.location(), stacks ? control.stack(thread, STACK_FRAMES) : java.util.List.of(), true, site);
        boolean captured = other == captureThread && otherSite == captureSite && s.capturedStack != null;
        Outcome.Access earlierAccess = new Outcome.Access(other, otherWrite ? "wrote" : "read", earlier.shortLocation(),
                earlier.location(), captured ? s.capturedStack : stacks ? control.stack(other, STACK_FRAMES) : java.util.List.of(),
                captured, otherSite);
        control.report(new Outcome.DataRace(location, field, earlierAccess, laterAccess,
                ordering(thread, locks, other, otherLocks)));
    }

    private String ordering(int thread, Object[] locks, int other, Object[] otherLocks) {
        if (locks.length == 0 && otherLocks.length == 0) {
            return "no lock held by either thread, and no start/join, volatile, atomic, park/unpark or interrupt edge between the accesses";
        }
        for (Object lock : locks) {
            if (lock instanceof HeldLock held && held.read() && Arrays.asList(otherLocks).contains(lock)) {
                return "both threads held " + name(lock) + ", which does not order its holders' accesses"
                        + " (a write needs the write lock): thread " + thread + " held " + names(locks) + ", thread " + other
                        + " held " + names(otherLocks);
            }
        }
        return "no lock held in common: thread " + thread + " held " + names(locks) + ", thread " + other + " held "
                + names(otherLocks);
    }

    private String names(Object[] locks) {
        if (locks.length == 0) {
            return "no lock";
        }
        StringBuilder text = new StringBuilder();
        for (Object lock : locks) {
            text.append(text.length() == 0 ? "" : ", ").append(name(lock));
        }
        return text.toString();
    }

    private String name(Object lock) {
        if (lock instanceof HeldLock held) {
            String sync = control.objectName(held.sync());
            return held.sync().getClass().getName().startsWith(READ_WRITE_SYNC)
                    ? (held.read() ? "the read lock of " : "the write lock of ") + sync
                    : "the lock of " + sync;
        }
        return control.objectName(lock);
    }

    // ---------------------------------------------------------------- java.util.concurrent locks held, for reports

    /**
     * A {@code java.util.concurrent} lock a thread held at an access. These locks order accesses
     * through their own volatile and atomic fields, which the detector follows; they are named in
     * reports only, so that two threads both inside a read lock are not described as holding none.
     *
     * @param sync the lock's synchronizer ({@code ReentrantReadWriteLock$NonfairSync#1} in traces)
     * @param read whether it is the read lock of a {@link ReentrantReadWriteLock}
     */
    record HeldLock(AbstractOwnableSynchronizer sync, boolean read) {
        @Override
        public boolean equals(Object other) {
            return other instanceof HeldLock that && that.sync == sync && that.read == read;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(sync) * 2 + (read ? 1 : 0);
        }
    }

    /** The synchronizers of the JDK's reentrant locks the execution used: few. */
    private final java.util.List<AbstractOwnableSynchronizer> locksSeen = new java.util.ArrayList<>(2);

    /** The last synchronizer class found not to be a reentrant lock's (latches, semaphores, the user's own). */
    private Class<?> otherSynchronizer;

    private void seeLock(AbstractOwnableSynchronizer sync) {
        for (Object seen : locksSeen) {
            if (seen == sync) {
                return;
            }
        }
        Class<?> type = sync.getClass();
        if (type == otherSynchronizer) {
            return;
        }
        if (!type.getName().startsWith(READ_WRITE_SYNC) && !type.getName().startsWith(REENTRANT_SYNC)) {
            otherSynchronizer = type;
            return;
        }
        locksSeen.add(sync);
    }

    private static final String READ_WRITE_SYNC = ReentrantReadWriteLock.class.getName() + "$";
    private static final String REENTRANT_SYNC = ReentrantLock.class.getName() + "$";

    /**
     * The monitors held plus the reentrant locks the calling thread holds now. The detector runs on
     * the accessing thread; the locks' fields are read through the agent's access to
     * {@code java.util.concurrent.locks}, without running their code, so no scheduling point is added.
     */
    private Object[] withLocksHeld(Object[] monitors) {
        WorkerState worker = WorkerState.running;
        if (worker == null || worker.hooks == null) {
            return monitors;
        }
        Thread me = worker.hooks.currentThread(); // the thread object the program sees, which the locks record
        java.util.List<Object> held = null;
        for (AbstractOwnableSynchronizer sync : locksSeen) {
            if (LockQueries.owner(sync) == me) {
                held = add(held, monitors, new HeldLock(sync, false));
            }
            if (sync.getClass().getName().startsWith(READ_WRITE_SYNC) && LockQueries.readHolds(sync, me) > 0) {
                held = add(held, monitors, new HeldLock(sync, true));
            }
        }
        return held == null ? monitors : held.toArray();
    }

    private static java.util.List<Object> add(java.util.List<Object> held, Object[] monitors, HeldLock lock) {
        java.util.List<Object> list = held == null ? new java.util.ArrayList<>(Arrays.asList(monitors)) : held;
        list.add(lock);
        return list;
    }

    /**
     * Reads the JDK's lock internals: the exclusive owner, and a thread's read holds of a
     * {@link ReentrantReadWriteLock} as its {@code getReadHoldCount} finds them (first reader, cached
     * counter, then the per-thread counter). Any failure reads as "not held".
     */
    private static final class LockQueries {
        private static final Field OWNER = field(java.util.concurrent.locks.AbstractOwnableSynchronizer.class, "exclusiveOwnerThread");
        private static final Class<?> SYNC = type(READ_WRITE_SYNC + "Sync");
        private static final Class<?> HOLD_COUNTER = type(READ_WRITE_SYNC + "Sync$HoldCounter");
        private static final Field FIRST_READER = field(SYNC, "firstReader");
        private static final Field FIRST_READER_HOLDS = field(SYNC, "firstReaderHoldCount");
        private static final Field CACHED_COUNTER = field(SYNC, "cachedHoldCounter");
        private static final Field READ_HOLDS = field(SYNC, "readHolds");
        private static final Field COUNT = field(HOLD_COUNTER, "count");
        private static final Field TID = field(HOLD_COUNTER, "tid");

        private static Class<?> type(String name) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }

        private static Field field(Class<?> type, String name) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static Object owner(AbstractOwnableSynchronizer sync) {
            try {
                return OWNER == null ? null : OWNER.get(sync);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        @SuppressWarnings("deprecation") // Thread.getId: the JDK 17 name of threadId
        static int readHolds(AbstractOwnableSynchronizer sync, Thread thread) {
            try {
                if (FIRST_READER == null || FIRST_READER_HOLDS == null || CACHED_COUNTER == null || READ_HOLDS == null
                        || COUNT == null || TID == null) {
                    return 0;
                }
                if (FIRST_READER.get(sync) == thread) {
                    return FIRST_READER_HOLDS.getInt(sync);
                }
                Object cached = CACHED_COUNTER.get(sync);
                if (cached != null && TID.getLong(cached) == thread.getId()) {
                    return COUNT.getInt(cached);
                }
                ThreadLocal<?> holds = (ThreadLocal<?>) READ_HOLDS.get(sync);
                Object counter = holds.get();
                int count = COUNT.getInt(counter);
                if (count == 0) {
                    holds.remove(); // as getReadHoldCount does: no counter left behind
                }
                return count;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return 0;
            }
        }
    }

    private MonitorSet heldBy(int thread) {
        clock(thread);
        MonitorSet set = held[thread];
        if (set == null) {
            set = new MonitorSet();
            held[thread] = set;
        }
        return set;
    }

    /** The last accesses to one location, FastTrack style: a write epoch, a read epoch or a read vector. */
    static final class Shadow {
        final int field;
        Shadow next;

        int writeThread = -1;
        int writeClock;
        int writeSite;
        Object[] writeLocks;

        int readThread = -1;
        int readClock;
        int readSite;
        Object[] readLocks;

        int[] readClocks;
        int[] readSites;
        Object[][] readLockSets;

        /** Stack of the captured access (a re-run of a race), else {@code null}. */
        java.util.List<StackTraceElement> capturedStack;

        Shadow(int field) {
            this.field = field;
        }

        void shareReads() {
            readClocks = new int[Math.max(4, readThread + 1)];
            readSites = new int[readClocks.length];
            readLockSets = new Object[readClocks.length][];
            readClocks[readThread] = readClock;
            readSites[readThread] = readSite;
            readLockSets[readThread] = readLocks;
            readThread = -1;
        }

        void recordSharedRead(int thread, int clock, int site, Object[] locks) {
            if (thread >= readClocks.length) {
                int length = Math.max(thread + 1, readClocks.length * 2);
                readClocks = Arrays.copyOf(readClocks, length);
                readSites = Arrays.copyOf(readSites, length);
                readLockSets = Arrays.copyOf(readLockSets, length);
            }
            readClocks[thread] = clock;
            readSites[thread] = site;
            readLockSets[thread] = locks;
        }
    }

    /** Monitors one thread holds, with a snapshot shared until the set changes. */
    static final class MonitorSet {
        private static final Object[] NONE = new Object[0];
        private Object[] monitors = new Object[4];
        private int[] counts = new int[4];
        private int size;
        private Object[] snapshot = NONE;

        void add(Object monitor) {
            for (int i = 0; i < size; i++) {
                if (monitors[i] == monitor) {
                    counts[i]++;
                    return;
                }
            }
            if (size == monitors.length) {
                monitors = Arrays.copyOf(monitors, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            monitors[size] = monitor;
            counts[size] = 1;
            size++;
            snapshot = null;
        }

        void remove(Object monitor) {
            for (int i = 0; i < size; i++) {
                if (monitors[i] == monitor) {
                    if (--counts[i] == 0) {
                        System.arraycopy(monitors, i + 1, monitors, i, size - i - 1);
                        System.arraycopy(counts, i + 1, counts, i, size - i - 1);
                        size--;
                        monitors[size] = null;
                        snapshot = null;
                    }
                    return;
                }
            }
        }

        Object[] snapshot() {
            if (snapshot == null) {
                snapshot = size == 0 ? NONE : Arrays.copyOf(monitors, size);
            }
            return snapshot;
        }
    }
}
