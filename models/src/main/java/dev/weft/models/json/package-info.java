/**
 * The JSON Lines history format: one event per line in real-time order, {@code invoke} with
 * {@code op} and {@code args}, then {@code ok} with {@code value}, {@code fail} with {@code error}
 * (an exception class name) or {@code info} (outcome unknown) from the same thread; an invocation
 * without a response is pending. {@link dev.weft.models.json.HistoryReader} reads it with
 * Jackson's streaming parser, strictly: any malformed line is a
 * {@link dev.weft.models.json.HistoryFormatException} naming the line and the problem, and nothing
 * is skipped.
 */
package dev.weft.models.json;
