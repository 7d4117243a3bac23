/**
 * Entry 10: a lazily built map published without synchronization — double-checked locking without
 * {@code volatile} ({@link dev.weft.examples.publication.BuggyLazySettings}) — versus a {@code
 * volatile} field ({@link dev.weft.examples.publication.LazySettings}). A memory-model bug: shown with
 * jcstress, not with the scheduler (see {@code docs/examples.md}).
 */
package dev.weft.examples.publication;
