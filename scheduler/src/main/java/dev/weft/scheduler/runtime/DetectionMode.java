package dev.weft.scheduler.runtime;

/** What the race and collection-misuse detectors do with what they find in an execution. */
public enum DetectionMode {
    /** The first finding ends the execution and is its outcome: the test fails. */
    FAIL,
    /** Findings are collected as warnings of the execution's result; the execution goes on. */
    WARN,
    /** The detectors are not installed: no cost, no findings. */
    OFF
}
