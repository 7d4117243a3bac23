/**
 * Histories of concurrent executions: each {@link dev.weft.models.history.Operation} has a thread,
 * the positions of its invocation and response events, an operation name, its arguments and a
 * {@link dev.weft.models.history.Result} (a value, an exception type, or none while pending). A
 * {@link dev.weft.models.history.History} is built event by event in real-time order with
 * {@link dev.weft.models.history.History#builder()} ({@code invoke(thread, op, args...)},
 * {@code ok(thread, value)}, {@code fail(thread, exceptionClassName)}, {@code info(thread)}), or read
 * from JSON Lines by {@code dev.weft.models.json.HistoryReader}. Values are {@code null},
 * {@link java.lang.Long}, {@link java.lang.Double}, {@link java.lang.String},
 * {@link java.lang.Boolean} or lists of values; {@link dev.weft.models.history.Value} normalizes other
 * Java numbers into these, orders them and prints them.
 */
package dev.weft.models.history;
