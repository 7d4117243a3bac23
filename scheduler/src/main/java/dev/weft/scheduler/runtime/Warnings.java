package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings reported as warnings (not failures), the first one per headline, up to a limit: the same
 * race found in execution after execution is one warning. Used per execution, per exploration and
 * per test. Not thread-safe.
 */
public final class Warnings {

    /** How many distinct warnings an execution or an exploration keeps. */
    public static final int LIMIT = 20;

    private final int limit;
    private final List<Outcome> kept = new ArrayList<>(0);

    /** An empty list that keeps at most {@code limit} warnings. */
    public Warnings(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, was " + limit);
        }
        this.limit = limit;
    }

    /** Keeps {@code finding} unless one with the same headline is kept already or the list is full. */
    public void add(Outcome finding) {
        if (kept.size() >= limit) {
            return;
        }
        String headline = finding.headline();
        for (Outcome known : kept) {
            if (known.headline().equals(headline)) {
                return;
            }
        }
        kept.add(finding);
    }

    /** {@link #add}s each of {@code findings}, in order. */
    public void addAll(List<Outcome> findings) {
        for (Outcome finding : findings) {
            add(finding);
        }
    }

    /** The warnings kept, in the order they came. */
    public List<Outcome> list() {
        return List.copyOf(kept);
    }

    /** The headlines of the warnings kept, in the order they came. */
    public List<String> headlines() {
        List<String> headlines = new ArrayList<>(kept.size());
        for (Outcome finding : kept) {
            headlines.add(finding.headline());
        }
        return headlines;
    }
}
