/**
 * The failure store: the last failure of each test, kept on disk between runs so that a test that
 * failed last time replays its failing token first. Versioned, line-based text; unreadable entries are
 * dropped with a warning, never fatal.
 */
package dev.weft.engine.store;
