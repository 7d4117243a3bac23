package dev.weft.scheduler.explore;

import dev.weft.scheduler.replay.DecisionList;
import dev.weft.scheduler.runtime.Outcome;

/**
 * A failing execution, with everything needed to replay it.
 *
 * @param execution the execution's index in the exploration (global, across shards)
 * @param seed the exploration's seed; the execution's own draws derive from it and the index
 * @param decisions the recorded decisions
 * @param outcome how it failed
 */
public record Failure(long execution, long seed, DecisionList decisions, Outcome outcome) {}
