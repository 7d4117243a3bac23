package dev.weft.engine.descriptor;

import java.util.List;

/** Fails a test whose declaration is invalid; the message lists every problem, one per line. */
public final class InvalidDeclarationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The exception for the given problems. */
    public InvalidDeclarationException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
    }
}
