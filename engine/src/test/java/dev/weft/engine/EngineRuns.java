package dev.weft.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixtures' tests through the Weft engine as a build would, for the engine's end-to-end tests. */
final class EngineRuns {

    private EngineRuns() {}

    /**
     * Runs {@code method} of {@code fixtures} with the failure store off and {@code config} (key, value,
     * key, value, …) as configuration parameters.
     */
    static EngineExecutionResults run(Class<?> fixtures, String method, String... config) {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft")
                .selectors(selectMethod(fixtures, method))
                .configurationParameter("weft.failures.store", "");
        for (int i = 0; i < config.length; i += 2) {
            builder.configurationParameter(config[i], config[i + 1]);
        }
        return builder.execute();
    }

    /** {@code key} and {@code value} followed by {@code config}: a configuration with a default of the caller's. */
    static String[] with(String key, String value, String... config) {
        String[] all = new String[config.length + 2];
        all[0] = key;
        all[1] = value;
        System.arraycopy(config, 0, all, 2, config.length);
        return all;
    }

    /** The message of the first failed test: Weft's report. */
    static String failureMessage(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }
}
