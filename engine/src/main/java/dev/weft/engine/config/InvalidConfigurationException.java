package dev.weft.engine.config;

import java.util.List;

/** One or more {@code weft.*} configuration values are invalid; the message lists each, one per line. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** Creates the exception from the problems found, each naming the key, the value and the remedy. */
    public InvalidConfigurationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, naming the key, the value and the remedy. */
    public List<String> problems() {
        return problems;
    }
}
