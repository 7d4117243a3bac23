package dev.weft.scheduler.race;

import dev.weft.scheduler.runtime.ExecutionControl;
import dev.weft.scheduler.runtime.ExecutionListener;
import java.util.Set;

/**
 * The detectors of one execution, as one {@link ExecutionListener}: the collection-misuse detector
 * first (on entry into a collection it usually fires before the first racy access inside), then the
 * happens-before race detector. A fresh instance per execution; state never crosses executions.
 */
public final class Detectors implements ExecutionListener {

    private final CollectionMisuseDetector misuse = new CollectionMisuseDetector();
    private final HappensBeforeDetector races;

    private Detectors(Set<String> suppressedRaces, long stackCapture) {
        this.races = new HappensBeforeDetector(suppressedRaces, stackCapture);
    }

    /**
     * Both detectors for one execution.
     *
     * @param suppressedRaces fields ({@code Owner.field}, simple class name) whose races are counted, not reported
     * @param stackCapture see {@link dev.weft.scheduler.runtime.ExecutionOptions#stackCapture()}
     */
    public static ExecutionListener forExecution(Set<String> suppressedRaces, long stackCapture) {
        return new Detectors(suppressedRaces, stackCapture);
    }

    @Override
    public void executionStarted(ExecutionControl control) {
        misuse.executionStarted(control);
        races.executionStarted(control);
    }

    @Override
    public void threadStarted(int parent, int child) {
        races.threadStarted(parent, child);
    }

    @Override
    public void joined(int thread, int finished) {
        races.joined(thread, finished);
    }

    @Override
    public void fieldAccess(int thread, Object owner, int site, boolean write) {
        races.fieldAccess(thread, owner, site, write);
    }

    @Override
    public void arrayAccess(int thread, Object array, int index, int site, boolean write) {
        races.arrayAccess(thread, array, index, site, write);
    }

    @Override
    public void atomic(int thread, Object owner, int site) {
        races.atomic(thread, owner, site);
    }

    @Override
    public void monitorAcquired(int thread, Object monitor) {
        races.monitorAcquired(thread, monitor);
    }

    @Override
    public void monitorReleased(int thread, Object monitor) {
        races.monitorReleased(thread, monitor);
    }

    @Override
    public void unparked(int thread, int target) {
        races.unparked(thread, target);
    }

    @Override
    public void parkReturned(int thread) {
        races.parkReturned(thread);
    }

    @Override
    public void interrupted(int thread, int target) {
        races.interrupted(thread, target);
    }

    @Override
    public void interruptObserved(int thread, int target) {
        races.interruptObserved(thread, target);
    }

    @Override
    public void collectionEntered(int thread, Object collection, int site) {
        misuse.collectionEntered(thread, collection, site);
    }

    @Override
    public void collectionExited(int thread, Object collection, int site) {
        misuse.collectionExited(thread, collection, site);
    }
}
