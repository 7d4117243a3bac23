package dev.weft.scheduler.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bounded-exhaustive search: a depth-first search over all interleavings with at most
 * {@code preemptionBound} preemptions (Musuvathi and Qadeer's iterative context bounding, one bound).
 *
 * <p>A <em>preemption</em> is a switch away from a current thread that is still enabled; a switch
 * when the current thread has blocked or finished is free. Each execution replays the decisions on
 * the search stack, then takes the next untried branch and from there on the first option (the
 * current thread first, then the others in ascending id order). Points with a single enabled thread
 * are not branches. When {@link #endExecution()} returns {@code false} the tree is done and
 * {@link #completionStatement()} says, for example, {@code "all 20 interleavings up to 3
 * preemptions explored"}, where 20 is the exact number of complete executions run.
 *
 * <p><b>Completeness.</b> If the program is deterministic under the same decisions (which the
 * search checks), every execution with at most {@code preemptionBound} preemptions is run exactly
 * once. The statement says nothing about executions with more preemptions, about executions longer
 * than the runtime's step bound, or about memory-model reorderings. <b>Nondeterminism</b> (a
 * different enabled set, current thread or step number at a recorded branch, or an execution that
 * ends before a recorded branch) throws an {@link IllegalStateException} naming the step.
 *
 * <p><b>Sharding.</b> Shard {@code i} of {@code N} splits the tree on a path prefix: along a path,
 * the choices at the first branches are read as a mixed-radix number until the product of the
 * branching factors reaches {@code 8·N}; the path belongs to shard {@code number mod N} (a path that
 * ends before that uses its whole mixed-radix number). A shard explores only the subtrees of its
 * prefixes; to discover each foreign prefix it runs one execution that it does not count
 * ({@link #lastExecutionOwned()} is then {@code false}). The shards' counted executions are
 * disjoint and their union is exactly the unsharded search.
 *
 * <p><b>Spin loops.</b> When the current thread is {@linkplain SchedulingPoint#spinning spinning}
 * and another thread is enabled, the search switches away from it for free and never lets it go on
 * spinning: another iteration of a loop that only reads cannot change the state, so no distinct
 * behaviour is lost, and the tree stays finite.
 *
 * <p>The execution index given to {@link #beginExecution} is ignored: executions must run in order,
 * one after the other, until {@code endExecution} returns {@code false}. Not thread-safe.
 */
public final class ExhaustiveStrategy implements Strategy {

    /** No bound on preemptions: all interleavings. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Bound used when none is given; most concurrency bugs need at most two preemptions. */
    public static final int DEFAULT_PREEMPTION_BOUND = 2;

    static final int SPLIT_FACTOR = 8;

    private final int preemptionBound;
    private final Shard shard;
    private final List<Node> stack = new ArrayList<>();

    private int replayLength;
    private int position;
    private int preemptions;
    private long prefixNumber;
    private long prefixRadix;
    private boolean prefixDecided;
    private boolean owned;
    private int splitNode;
    private long lastStep;
    private boolean inExecution;
    private boolean lastOwned;
    private boolean finished;
    private long explored;
    private long probes;

    /** Exhaustive search of all interleavings with at most {@code preemptionBound} preemptions. */
    public ExhaustiveStrategy(int preemptionBound) {
        this(preemptionBound, Shard.WHOLE);
    }

    /**
     * Exhaustive search of one shard of the interleavings with at most {@code preemptionBound}
     * preemptions.
     *
     * @throws IllegalArgumentException when the bound is negative
     */
    public ExhaustiveStrategy(int preemptionBound, Shard shard) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException("preemption bound must be at least 0, was " + preemptionBound);
        }
        this.preemptionBound = preemptionBound;
        this.shard = shard;
    }

    @Override
    public void beginExecution(long index) {
        if (finished) {
            throw new IllegalStateException("exhaustive search already finished after " + explored
                    + (explored == 1 ? " interleaving" : " interleavings") + "; begin a new search instead");
        }
        replayLength = stack.size();
        position = 0;
        preemptions = 0;
        prefixNumber = 0;
        prefixRadix = 1;
        prefixDecided = shard.isWhole();
        owned = shard.isWhole();
        splitNode = -1;
        lastStep = -1;
        inExecution = true;
    }

    @Override
    public int pick(SchedulingPoint point) {
        if (!inExecution) {
            throw new IllegalStateException("pick called outside an execution");
        }
        lastStep = point.step();
        if (point.enabledCount() == 1) {
            return point.enabled(0);
        }
        int current = point.current();
        boolean mayContinue = point.isEnabled(current) && !point.spinning(current);
        int choice;
        if (position < stack.size()) {
            Node node = stack.get(position++);
            checkSameAsRecorded(node, point);
            choice = node.options[node.chosen];
            notePrefix(node);
        } else if (prefixDecided && !owned) {
            choice = options(point, mayContinue)[0];
        } else {
            Node node = new Node(point.step(), current, enabledThreads(point), options(point, mayContinue));
            stack.add(node);
            position++;
            choice = node.options[0];
            notePrefix(node);
        }
        if (mayContinue && choice != current) {
            preemptions++;
        }
        return choice;
    }

    private void notePrefix(Node node) {
        if (prefixDecided || node.options.length < 2) {
            return;
        }
        prefixNumber += node.chosen * prefixRadix;
        prefixRadix *= node.options.length;
        if (prefixRadix >= (long) SPLIT_FACTOR * shard.count()) {
            prefixDecided = true;
            owned = prefixNumber % shard.count() == shard.index();
            splitNode = position - 1;
        }
    }

    private int[] options(SchedulingPoint point, boolean mayContinue) {
        int current = point.current();
        if (mayContinue && preemptions >= preemptionBound) {
            return new int[] {current};
        }
        int n = point.enabledCount();
        int[] options = new int[mayContinue || !point.isEnabled(current) ? n : n - 1];
        int k = 0;
        if (mayContinue) {
            options[k++] = current;
        }
        for (int i = 0; i < n; i++) {
            int thread = point.enabled(i);
            if (thread != current) {
                options[k++] = thread;
            }
        }
        return options;
    }

    private static int[] enabledThreads(SchedulingPoint point) {
        int[] enabled = new int[point.enabledCount()];
        for (int i = 0; i < enabled.length; i++) {
            enabled[i] = point.enabled(i);
        }
        return enabled;
    }

    private void checkSameAsRecorded(Node node, SchedulingPoint point) {
        String hint = "; exhaustive search needs a program that behaves the same under the same decisions";
        if (node.step != point.step()) {
            throw new IllegalStateException("nondeterministic program: branch " + (position - 1) + " came at step "
                    + point.step() + " but at step " + node.step + " under the same earlier decisions" + hint);
        }
        if (node.current != point.current()) {
            throw new IllegalStateException("nondeterministic program: at step " + point.step() + " thread "
                    + point.current() + " reached the point but thread " + node.current
                    + " did under the same earlier decisions" + hint);
        }
        int[] enabled = enabledThreads(point);
        if (!Arrays.equals(enabled, node.enabled)) {
            throw new IllegalStateException("nondeterministic program: at step " + point.step()
                    + " the enabled threads are " + Arrays.toString(enabled) + " but were "
                    + Arrays.toString(node.enabled) + " under the same earlier decisions" + hint);
        }
    }

    @Override
    public boolean endExecution() {
        if (!inExecution) {
            throw new IllegalStateException("endExecution called outside an execution");
        }
        inExecution = false;
        if (position < replayLength) {
            Node missed = stack.get(position);
            finished = true;
            throw new IllegalStateException("nondeterministic program: the execution ended after step " + lastStep
                    + " but reached a branch at step " + missed.step + " under the same earlier decisions"
                    + "; exhaustive search needs a program that behaves the same under the same decisions");
        }
        if (!prefixDecided) {
            owned = prefixNumber % shard.count() == shard.index();
        }
        lastOwned = owned;
        if (owned) {
            explored++;
        } else {
            probes++;
            if (prefixDecided) {
                stack.subList(splitNode + 1, stack.size()).clear();
            }
        }
        while (!stack.isEmpty()) {
            Node top = stack.get(stack.size() - 1);
            if (top.chosen + 1 < top.options.length) {
                top.chosen++;
                break;
            }
            stack.remove(stack.size() - 1);
        }
        finished = stack.isEmpty();
        return !finished;
    }

    /** Whether the last execution belongs to this strategy's shard (always, when unsharded). */
    public boolean lastExecutionOwned() {
        return lastOwned;
    }

    /** Complete executions of this shard run so far. */
    public long explored() {
        return explored;
    }

    /** Executions run only to discover prefixes that belong to other shards. */
    public long probes() {
        return probes;
    }

    /** Whether the search is complete. */
    public boolean isFinished() {
        return finished;
    }

    /** The preemption bound, {@link #UNBOUNDED} for none. */
    public int preemptionBound() {
        return preemptionBound;
    }

    /** A copy of this search for another shard, not yet started. */
    public ExhaustiveStrategy withShard(Shard other) {
        return new ExhaustiveStrategy(preemptionBound, other);
    }

    @Override
    public Optional<StrategySpec> spec() {
        return Optional.of(new StrategySpec.Exhaustive(preemptionBound));
    }

    @Override
    public String describe() {
        String bound = preemptionBound == UNBOUNDED ? "unbounded" : Integer.toString(preemptionBound);
        return "exhaustive(preemptions=" + bound + ")" + (shard.isWhole() ? "" : " shard " + shard);
    }

    @Override
    public Optional<String> completionStatement() {
        if (!finished) {
            return Optional.empty();
        }
        String what = explored == 1 ? "the only interleaving" : "all " + explored + " interleavings";
        String ofShard = shard.isWhole() ? "" : " of shard " + shard;
        String bound = preemptionBound == UNBOUNDED
                ? " explored (no preemption bound)"
                : " up to " + preemptionBound + (preemptionBound == 1 ? " preemption" : " preemptions") + " explored";
        return Optional.of(what + ofShard + bound);
    }

    private static final class Node {
        final long step;
        final int current;
        final int[] enabled;
        final int[] options;
        int chosen;

        Node(long step, int current, int[] enabled, int[] options) {
            this.step = step;
            this.current = current;
            this.enabled = enabled;
            this.options = options;
        }
    }
}
