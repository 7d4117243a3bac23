package dev.weft.models.check;

import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import dev.weft.models.model.Model;
import dev.weft.models.model.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One search for a linearization of one part of a history: Wing and Gong's backtracking over a
 * list of invocation and response events, with Lowe's just-in-time linearization (an operation is
 * placed only while no response precedes its invocation in the remaining list, so each step tries
 * just the operations that could come next) and memo.
 *
 * <p>The list is doubly linked over arrays; placing an operation unlinks its two events and
 * backtracking relinks them in reverse order, so a step allocates nothing but what the model
 * returns and, for a new (set, state) pair, its memo entry.
 */
final class Search<S> {

  enum Status {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    OUT_OF_BUDGET
  }

  private final Model<S> model;
  private final Operation[] ops;
  private final Result[] expected;
  private final int n;
  private final int head;
  private final int[] next;
  private final int[] prev;

  /** Position of each operation in {@link #completed} or in {@link #pending}. */
  private final int[] bit;
  private final BitWindow completed;
  private final BitWindow pending;
  private long setHash;

  private final int[] stackOp;
  private final Object[] stackState;
  private final Object[] stackOutcomes;
  private final int[] stackChoice;
  private int depth;

  // the deepest stack seen, for the explanation; stack levels below clean have not changed since
  // it was copied, so a new deepest stack costs only the levels above
  private final int[] bestOps;
  private final Result[] bestResults;
  private int bestDepth;
  private int clean;
  private S bestState;

  private final Memo memo;
  private S state;
  private int completedLeft;
  private String reason;

  Search(Model<S> model, List<Operation> part) {
    this.model = model;
    this.n = part.size();
    this.ops = part.toArray(new Operation[0]);
    for (int i = 1; i < n; i++) {
      if (ops[i - 1].invokedAt() > ops[i].invokedAt()) {
        Arrays.sort(ops, (a, b) -> Integer.compare(a.invokedAt(), b.invokedAt()));
        break;
      }
    }
    this.expected = new Result[n];
    for (int i = 0; i < n; i++) {
      expected[i] = ops[i].isPending() ? null : model.canonical(ops[i]);
      if (expected[i] != null) {
        completedLeft++;
      }
    }
    this.head = 2 * n;
    this.next = new int[2 * n + 1];
    this.prev = new int[2 * n + 1];
    link();
    this.bit = new int[n];
    int completedCount = 0;
    int pendingCount = 0;
    for (int i = 0; i < n; i++) {
      bit[i] = expected[i] != null ? completedCount++ : pendingCount++;
    }
    this.completed = new BitWindow(completedCount);
    this.pending = new BitWindow(pendingCount);
    this.stackOp = new int[n];
    this.stackState = new Object[n];
    this.stackOutcomes = new Object[n];
    this.stackChoice = new int[n];
    this.bestOps = new int[n];
    this.bestResults = new Result[n];
    this.memo = new Memo(n);
  }

  /** Links calls (entries 0..n-1) and returns (n..2n-1) in real-time order; pending ones last. */
  private void link() {
    long[] returns = new long[n];
    int completed = 0;
    for (int i = 0; i < n; i++) {
      if (expected[i] != null) {
        returns[completed++] = ((long) ops[i].respondedAt() << 32) | i;
      }
    }
    Arrays.sort(returns, 0, completed);
    int[] order = new int[2 * n];
    int calls = 0;
    int returned = 0;
    int at = 0;
    while (calls < n || returned < completed) {
      boolean takeCall =
          returned == completed
              || (calls < n && ops[calls].invokedAt() < (int) (returns[returned] >>> 32));
      order[at++] = takeCall ? calls++ : n + (int) returns[returned++];
    }
    for (int i = 0; i < n; i++) {
      if (expected[i] == null) {
        order[at++] = n + i;
      }
    }
    int previous = head;
    for (int entry : order) {
      next[previous] = entry;
      prev[entry] = previous;
      previous = entry;
    }
    next[previous] = -1;
  }

  int states() {
    return memo.size();
  }

  String reason() {
    return reason;
  }

  @SuppressWarnings("unchecked")
  Status run(long deadline, Budget budget) {
    state = model.initialState();
    bestState = state;
    int entry = next[head];
    long steps = 0;
    long maxStates = budget.maxStates();
    long maxBytes = budget.maxMemoBytes();
    while (completedLeft > 0) {
      if (((++steps & 0xFF) == 0 || memo.size() > maxStates || memo.bytes() > maxBytes)
          && outOfBudget(deadline, budget)) {
        return Status.OUT_OF_BUDGET;
      }
      if (entry < n) {
        if (tryPlace(entry, model.step(state, ops[entry]), 0)) {
          entry = next[head];
        } else {
          entry = next[entry];
        }
      } else {
        if (depth == 0) {
          return Status.NOT_LINEARIZABLE;
        }
        depth--;
        clean = Math.min(clean, depth);
        int i = stackOp[depth];
        state = (S) stackState[depth];
        unplace(i);
        if (tryPlace(i, (List<Outcome<S>>) stackOutcomes[depth], stackChoice[depth] + 1)) {
          entry = next[head];
        } else {
          entry = next[i];
        }
      }
    }
    return Status.LINEARIZABLE;
  }

  private boolean outOfBudget(long deadline, Budget budget) {
    if (System.nanoTime() - deadline > 0) {
      reason = "the time budget of " + budget.timeout().toMillis() + " ms ran out";
    } else if (memo.size() > budget.maxStates()) {
      reason = "the budget of " + budget.maxStates() + " states ran out";
    } else if (memo.bytes() > budget.maxMemoBytes()) {
      reason = "the memory budget of " + (budget.maxMemoBytes() >> 20) + " MB ran out";
    } else {
      return false;
    }
    reason += " after " + memo.size() + " states at depth " + depth + " of " + n;
    return true;
  }

  private boolean tryPlace(int i, List<Outcome<S>> outcomes, int from) {
    Result want = expected[i];
    for (int k = from; k < outcomes.size(); k++) {
      Outcome<S> outcome = outcomes.get(k);
      if (want != null && !want.matches(outcome.result())) {
        continue;
      }
      setBit(i);
      if (memo.add(completed, pending, setHash, outcome.next())) {
        stackOp[depth] = i;
        stackState[depth] = state;
        stackOutcomes[depth] = outcomes;
        stackChoice[depth] = k;
        depth++;
        state = outcome.next();
        unlink(i);
        unlink(n + i);
        if (want != null) {
          completedLeft--;
        }
        if (depth > bestDepth) {
          recordBest();
        }
        return true;
      }
      clearBit(i);
    }
    return false;
  }

  private void unplace(int i) {
    relink(n + i);
    relink(i);
    clearBit(i);
    if (expected[i] != null) {
      completedLeft++;
    }
  }

  @SuppressWarnings("unchecked")
  private void recordBest() {
    for (int d = clean; d < depth; d++) {
      bestOps[d] = stackOp[d];
      bestResults[d] = ((List<Outcome<S>>) stackOutcomes[d]).get(stackChoice[d]).result();
    }
    clean = depth;
    bestDepth = depth;
    bestState = state;
  }

  private void unlink(int e) {
    next[prev[e]] = next[e];
    if (next[e] != -1) {
      prev[next[e]] = prev[e];
    }
  }

  private void relink(int e) {
    next[prev[e]] = e;
    if (next[e] != -1) {
      prev[next[e]] = e;
    }
  }

  private void setBit(int i) {
    (expected[i] != null ? completed : pending).set(bit[i]);
    setHash ^= zobrist(i);
  }

  private void clearBit(int i) {
    (expected[i] != null ? completed : pending).clear(bit[i]);
    setHash ^= zobrist(i);
  }

  private static long zobrist(int i) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The explanation after {@link Status#NOT_LINEARIZABLE}. */
  Explanation explain(String part) {
    boolean[] placed = new boolean[n];
    List<Operation> prefix = new ArrayList<>(bestDepth);
    List<Result> results = new ArrayList<>(bestDepth);
    for (int d = 0; d < bestDepth; d++) {
      placed[bestOps[d]] = true;
      prefix.add(ops[bestOps[d]]);
      results.add(bestResults[d]);
    }
    // the first response among the unplaced operations: nothing can be placed before it
    Operation stuck = null;
    for (int i = 0; i < n; i++) {
      if (!placed[i]
          && expected[i] != null
          && (stuck == null || ops[i].respondedAt() < stuck.respondedAt())) {
        stuck = ops[i];
      }
    }
    List<Result> allowed = new ArrayList<>();
    for (Outcome<S> outcome : model.step(bestState, stuck)) {
      allowed.add(outcome.result());
    }
    return new Explanation(part, n, List.copyOf(prefix), List.copyOf(results), stuck, allowed);
  }
}
