package dev.weft.engine.scenario;

import java.util.Objects;

/** What one call returned or threw, comparable with a model's answer and printable in a report. */
public sealed interface CallResult {

    /** The result printed in a report: {@code null}, {@code 2}, {@code void}, {@code NullPointerException}. */
    String render();

    /** A value returned by the call (possibly {@code null}). */
    record Returned(Object value) implements CallResult {
        @Override
        public String render() {
            return String.valueOf(value);
        }
    }

    /** A call of a {@code void} method that returned normally. */
    record ReturnedVoid() implements CallResult {
        @Override
        public String render() {
            return "void";
        }
    }

    /**
     * An exception thrown by the call. Equal by exception type only: messages differ between
     * implementations that agree on behaviour.
     */
    record Threw(Class<? extends Throwable> type, String message) implements CallResult {

        /** Captures a thrown exception. */
        public static Threw of(Throwable thrown) {
            return new Threw(thrown.getClass(), String.valueOf(thrown.getMessage()));
        }

        @Override
        public String render() {
            return type.getSimpleName();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Threw threw && threw.type.equals(type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type);
        }
    }
}
