/**
 * Entry 7: a lock-order deadlock between two synchronized registries when entries move between them in
 * both directions ({@link dev.weft.examples.lockorder.BuggyJobRegistry}) versus locking both in one
 * global order ({@link dev.weft.examples.lockorder.JobRegistry}).
 */
package dev.weft.examples.lockorder;
