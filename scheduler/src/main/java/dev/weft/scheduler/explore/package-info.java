/**
 * Exploration: runs a program again and again under a strategy, each execution recorded as a
 * decision list, stops at the first failure or when the budget is spent, and replays a recorded
 * execution with its trace.
 */
package dev.weft.scheduler.explore;
