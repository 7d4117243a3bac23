package dev.weft.engine;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.RuntimeSettings;
import java.util.TreeMap;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Run in a JVM of its own by {@link RuntimeSettingsEndToEndTest}: opens a launcher session as Surefire
 * does, discovers a class of Weft tests with the launcher parameters given as arguments
 * ({@code key=value}), and prints the runtime's settings in effect, its workers, and the discovery
 * issues (or why the runtime did not start).
 */
public final class RuntimeSettingsProbe {

    private RuntimeSettingsProbe() {}

    public static void main(String[] args) {
        try (LauncherSession session = LauncherFactory.openSession()) {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass("dev.weft.engine.fixtures.CounterTests"))
                    .filters(org.junit.platform.launcher.EngineFilter.includeEngines("weft"));
            for (String arg : args) {
                request.configurationParameter(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            request.listeners(new org.junit.platform.launcher.LauncherDiscoveryListener() {
                @Override
                public void issueEncountered(org.junit.platform.engine.UniqueId engineId,
                        org.junit.platform.engine.DiscoveryIssue issue) {
                    System.out.println("issue: " + issue.message());
                }
            });
            LauncherDiscoveryRequest built = request.build();
            session.getLauncher().discover(built);
            System.out.println("in effect: " + new TreeMap<>(RuntimeSettings.process().inEffect()));
            try {
                System.out.println("workers: " + ControlledRuntime.get().workerKind());
            } catch (IllegalStateException e) {
                System.out.println("runtime: " + e.getMessage());
            }
        }
    }
}
