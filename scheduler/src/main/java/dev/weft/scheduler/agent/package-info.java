/**
 * The Java agent: it appends the hook classes to the bootstrap class path and rewrites classes with
 * ASM so that every shared-memory access and synchronization action of application code and of
 * {@code java.util} / {@code java.util.concurrent} becomes a scheduling point. It works both as
 * {@code -javaagent:} and attached at run time.
 */
package dev.weft.scheduler.agent;
