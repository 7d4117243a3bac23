package dev.weft.scheduler.runtime;

/** The body of one execution: it runs on managed thread 0, and every thread it starts is managed too. */
@FunctionalInterface
public interface Program {
    void run() throws Throwable;
}
