/**
 * The few classes that instrumented code calls directly. They are appended to the bootstrap class
 * path by the agent, so that {@code java.util} and {@code java.util.concurrent}, loaded by the
 * bootstrap loader, can see them. They depend on nothing but {@code java.base}; all logic lives in
 * the scheduler's runtime behind {@link dev.weft.boot.RuntimeHooks}.
 */
package dev.weft.boot;
