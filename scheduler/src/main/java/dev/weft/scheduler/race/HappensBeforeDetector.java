package dev.weft.scheduler.race;

import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.runtime.ExecutionControl;
import dev.weft.scheduler.runtime.ExecutionListener;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
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

    private final RaceReporter reporter;
    private final HeldLocks heldLocks = new HeldLocks();
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

    /** The access whose stack is recorded as it happens (a re-run of a race), or -1. */
    private final int captureThread;
    private final int captureSite;

    HappensBeforeDetector(Set<String> suppressedFields, long stackCapture) {
        this.reporter = new RaceReporter(suppressedFields);
        this.captureThread = stackCapture == 0 ? -1 : (int) (stackCapture >>> 32);
        this.captureSite = (int) stackCapture;
    }

    @Override
    public void executionStarted(ExecutionControl control) {
        this.control = control;
        reporter.executionStarted(control);
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
            heldLocks.see(sync);
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
        if (heldLocks.any()) {
            locks = heldLocks.withLocksHeld(locks);
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
            s.capturedStack = control.stack(thread, RaceReporter.STACK_FRAMES);
        }
    }


    private void race(Shadow s, Object owner, int index, int thread, int site, boolean write, Object[] locks,
            int other, int otherSite, boolean otherWrite, Object[] otherLocks) {
        boolean captured = other == captureThread && otherSite == captureSite && s.capturedStack != null;
        reporter.race(owner, index, thread, site, write, locks, other, otherSite, otherWrite, otherLocks,
                captured ? s.capturedStack : null);
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
}
