package dev.weft.engine.descriptor;

import dev.weft.engine.config.InvalidConfigurationException;
import dev.weft.engine.config.WeftConfiguration;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of Weft's test tree; it carries the configuration parsed once at discovery. */
public final class WeftEngineDescriptor extends EngineDescriptor implements Node<WeftExecutionContext> {

    private final WeftConfiguration configuration;
    private final Optional<InvalidConfigurationException> configurationProblem;

    /** The root for a valid configuration, or for an invalid one (then the defaults and the problem). */
    public WeftEngineDescriptor(UniqueId uniqueId, WeftConfiguration configuration,
            Optional<InvalidConfigurationException> configurationProblem) {
        super(uniqueId, "Weft");
        this.configuration = configuration;
        this.configurationProblem = configurationProblem;
    }

    /** The run's configuration; the built-in defaults when it was invalid. */
    public WeftConfiguration configuration() {
        return configuration;
    }

    /** Why the configuration is invalid, if it is. */
    public Optional<InvalidConfigurationException> configurationProblem() {
        return configurationProblem;
    }
}
