package dev.weft.scheduler.race;

import dev.weft.scheduler.agent.Site;
import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.runtime.ExecutionControl;
import dev.weft.scheduler.runtime.Outcome;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns two accesses the {@link HappensBeforeDetector} found unordered into a {@link Outcome.DataRace}:
 * the location and the field by name, both accesses with their stacks, and why nothing ordered them
 * (the locks each thread held). Reports a pair of sites once per execution, and counts a race on a
 * suppressed field instead of reporting it. One per execution.
 */
final class RaceReporter {

    /** Frames of each access's stack in a report. */
    static final int STACK_FRAMES = 8;
    /** Findings per execution that get stacks; later ones (WARN mode) carry sites only, stacks cost a safepoint each. */
    private static final int FINDINGS_WITH_STACKS = 4;

    private final Set<String> suppressedFields;
    /** Pairs of sites already reported in this execution (WARN mode goes on after a report). */
    private final Set<Long> reported = new HashSet<>();
    private ExecutionControl control;

    RaceReporter(Set<String> suppressedFields) {
        this.suppressedFields = suppressedFields;
    }

    void executionStarted(ExecutionControl control) {
        this.control = control;
    }

    /**
     * Reports the later access at {@code site} by {@code thread} and the earlier one at {@code otherSite} by
     * {@code other}, unordered by happens-before: once per pair of sites in an execution, counted instead
     * when the field is suppressed.
     *
     * @param index the array element, or -1 for a field
     * @param locks the monitors and locks {@code thread} holds ({@link HeldLocks.HeldLock})
     * @param capturedEarlier the earlier access's stack recorded as it happened (a re-run of a race), or
     *     {@code null}: then the earlier thread's stack now is shown
     */
    void race(Object owner, int index, int thread, int site, boolean write, Object[] locks,
            int other, int otherSite, boolean otherWrite, Object[] otherLocks, List<StackTraceElement> capturedEarlier) {
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
                later.location(), stacks ? control.stack(thread, STACK_FRAMES) : List.of(), true, site);
        boolean captured = capturedEarlier != null;
        Outcome.Access earlierAccess = new Outcome.Access(other, otherWrite ? "wrote" : "read", earlier.shortLocation(),
                earlier.location(), captured ? capturedEarlier : stacks ? control.stack(other, STACK_FRAMES) : List.of(),
                captured, otherSite);
        control.report(new Outcome.DataRace(location, field, earlierAccess, laterAccess,
                ordering(thread, locks, other, otherLocks)));
    }

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

    private String ordering(int thread, Object[] locks, int other, Object[] otherLocks) {
        if (locks.length == 0 && otherLocks.length == 0) {
            return "no lock held by either thread, and no start/join, volatile, atomic, park/unpark or interrupt edge between the accesses";
        }
        for (Object lock : locks) {
            if (lock instanceof HeldLocks.HeldLock held && held.read() && Arrays.asList(otherLocks).contains(lock)) {
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
        if (lock instanceof HeldLocks.HeldLock held) {
            String sync = control.objectName(held.sync());
            return held.sync().getClass().getName().startsWith(HeldLocks.READ_WRITE_SYNC)
                    ? (held.read() ? "the read lock of " : "the write lock of ") + sync
                    : "the lock of " + sync;
        }
        return control.objectName(lock);
    }
}
