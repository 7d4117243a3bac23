/**
 * The explorer behind the engine: runs each test's program under Weft's controlled runtime, judges
 * map executions with the linearizability checker, shrinks a failure, replays it with its trace and
 * turns it into the report a person reads.
 */
package dev.weft.engine.runner;
