/**
 * Entry 1: a plain {@link java.util.HashMap} shared between threads ({@link
 * dev.weft.examples.sessions.BuggySessionRegistry}) and its fix on {@link
 * java.util.concurrent.ConcurrentHashMap} ({@link dev.weft.examples.sessions.SessionRegistry}).
 */
package dev.weft.examples.sessions;
