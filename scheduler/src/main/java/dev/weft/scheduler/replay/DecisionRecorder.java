package dev.weft.scheduler.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DecisionList} one contested decision at a time, run-length encoding as it goes.
 *
 * <p>Recording a decision for the same thread as the previous one costs an increment; a switch also
 * interns the location. Not thread-safe; reusable after {@link #clear()}.
 */
public final class DecisionRecorder {

    private int[] threads = new int[16];
    private int[] lengths = new int[16];
    private int[] locationIndexes = new int[16];
    private int runs;
    private final List<String> locations = new ArrayList<>();
    private final Map<String, Integer> locationIndex = new HashMap<>();

    /**
     * Records that {@code thread} was picked at a point with two or more enabled threads, its next
     * event being at {@code location} ({@code null} or empty when unknown).
     */
    public void record(int thread, String location) {
        if (thread < 0) {
            throw new IllegalArgumentException("thread must be at least 0, was " + thread);
        }
        if (runs > 0 && threads[runs - 1] == thread) {
            lengths[runs - 1]++;
            return;
        }
        if (runs == threads.length) {
            threads = Arrays.copyOf(threads, runs * 2);
            lengths = Arrays.copyOf(lengths, runs * 2);
            locationIndexes = Arrays.copyOf(locationIndexes, runs * 2);
        }
        String key = location == null ? "" : location;
        Integer index = locationIndex.get(key);
        if (index == null) {
            index = locations.size();
            locations.add(key);
            locationIndex.put(key, index);
        }
        threads[runs] = thread;
        lengths[runs] = 1;
        locationIndexes[runs] = index;
        runs++;
    }

    /**
     * Records a decision for {@code thread} if it continues the current run (the previous decision
     * was for the same thread), the cheap path that needs no location.
     *
     * @return whether it was recorded; if not, call {@link #record} with the location
     */
    public boolean recordIfSameThread(int thread) {
        if (runs > 0 && threads[runs - 1] == thread) {
            lengths[runs - 1]++;
            return true;
        }
        return false;
    }

    /** Forgets everything recorded. */
    public void clear() {
        runs = 0;
        locations.clear();
        locationIndex.clear();
    }

    /** The decisions recorded so far. */
    public DecisionList toDecisionList() {
        if (runs == 0) {
            return DecisionList.EMPTY;
        }
        return new DecisionList(Arrays.copyOf(threads, runs), Arrays.copyOf(lengths, runs),
                Arrays.copyOf(locationIndexes, runs), locations);
    }
}
