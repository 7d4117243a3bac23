package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/** The model of one object's monitor: owner, recursion count, wait set (FIFO). */
final class MonitorState {
    LogicalThread owner;
    int count;
    final List<LogicalThread> waitSet = new ArrayList<>(2);
}
