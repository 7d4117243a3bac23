package dev.weft.scheduler.race;

import dev.weft.boot.WorkerState;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@code java.util.concurrent} reentrant locks a thread holds at an access, for the race detector's
 * reports. These locks order accesses through their own volatile and atomic fields, which the detector
 * follows; they are named in reports only, so that two threads both inside a read lock are not
 * described as holding none. One per execution.
 */
final class HeldLocks {

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
    private final List<AbstractOwnableSynchronizer> locksSeen = new ArrayList<>(2);

    /** The last synchronizer class found not to be a reentrant lock's (latches, semaphores, the user's own). */
    private Class<?> otherSynchronizer;

    /** Whether the execution used any of the JDK's reentrant locks: when not, no thread holds one. */
    boolean any() {
        return !locksSeen.isEmpty();
    }

    /** Notes a synchronizer an atomic operation was on: the JDK's reentrant locks are remembered, others not. */
    void see(AbstractOwnableSynchronizer sync) {
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

    /** The prefix of the names of a {@link ReentrantReadWriteLock}'s synchronizer classes. */
    static final String READ_WRITE_SYNC = ReentrantReadWriteLock.class.getName() + "$";
    private static final String REENTRANT_SYNC = ReentrantLock.class.getName() + "$";

    /**
     * The monitors held plus the reentrant locks the calling thread holds now. The detector runs on
     * the accessing thread; the locks' fields are read through the agent's access to
     * {@code java.util.concurrent.locks}, without running their code, so no scheduling point is added.
     */
    Object[] withLocksHeld(Object[] monitors) {
        WorkerState worker = WorkerState.running;
        if (worker == null || worker.hooks == null) {
            return monitors;
        }
        Thread me = worker.hooks.currentThread(); // the thread object the program sees, which the locks record
        List<Object> held = null;
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

    private static List<Object> add(List<Object> held, Object[] monitors, HeldLock lock) {
        List<Object> list = held == null ? new ArrayList<>(Arrays.asList(monitors)) : held;
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
}
