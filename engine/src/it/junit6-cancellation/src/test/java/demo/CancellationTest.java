package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class CancellationTest {

    /** What the launcher reported about each Weft test, by method name. */
    static final class Recorder implements TestExecutionListener {
        final CountDownLatch exploring = new CountDownLatch(1);
        final Map<String, TestExecutionResult> finished = new ConcurrentHashMap<>();
        final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
        final Map<String, String> skipped = new ConcurrentHashMap<>();
        final List<Map<String, String>> entries = new CopyOnWriteArrayList<>();

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entries.add(entry.getKeyValuePairs());
            if (entry.getKeyValuePairs().containsKey("weft.seed")) {
                exploring.countDown(); // the plan is published just before the exploration starts
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                finished.put(name(test), result);
                finishedAt.put(name(test), System.nanoTime());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            skipped.put(test.isTest() ? name(test) : test.getDisplayName(), reason);
        }

        private static String name(TestIdentifier test) {
            return test.getDisplayName();
        }
    }

    @Test
    void cancellingTheRun_stopsTheRunningExploration_abortsItWithWhatItExplored_andRunsNoMore() throws Exception {
        CancellationToken token = CancellationToken.create();
        Recorder recorder = new Recorder();
        long[] cancelledAt = new long[1];
        Thread canceller = new Thread(() -> {
            try {
                recorder.exploring.await(60, TimeUnit.SECONDS);
                Thread.sleep(1500); // well into the exploration
                cancelledAt[0] = System.nanoTime();
                token.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();

        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(LongExplorations.class))
                .filters(includeEngines("weft"))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.seed", "7")
                .build();
        LauncherFactory.create().execute(LauncherExecutionRequestBuilder.request(discovery)
                .cancellationToken(token).listeners(recorder).build());
        canceller.join();

        // the engine runs one test at a time: the one exploring when the run was cancelled is aborted, the other
        // never starts
        assertEquals(1, recorder.finished.size(), "finished " + recorder.finished + ", skipped " + recorder.skipped);
        String explorer = recorder.finished.keySet().iterator().next();
        String other = explorer.equals("first") ? "second" : "first";
        assertEquals("Execution cancelled", recorder.skipped.get(other), "skipped " + recorder.skipped);
        TestExecutionResult result = recorder.finished.get(explorer);
        assertEquals(TestExecutionResult.Status.ABORTED, result.getStatus(), String.valueOf(result));
        String message = result.getThrowable().orElseThrow().getMessage();
        assertTrue(message.startsWith("weft: test run cancelled while exploring; "), message);
        Map<String, String> explored = recorder.entries.stream()
                .filter(entry -> entry.containsKey("weft.explored.end")).findFirst().orElseThrow();
        assertEquals("cancelled", explored.get("weft.explored.end"));
        long executions = Long.parseLong(explored.get("weft.explored.executions"));
        assertTrue(executions > 0 && executions < 10_000_000, explored.toString());
        assertTrue(message.contains(executions + " executions explored without a failure"), message);

        long stopMillis = TimeUnit.NANOSECONDS.toMillis(recorder.finishedAt.get(explorer) - cancelledAt[0]);
        System.out.println("cancellation: the running exploration stopped " + stopMillis + " ms after the run was cancelled, "
                + executions + " executions explored; " + message);
        // a loaded CI machine may be slow; the number printed above is what matters, this only catches a hang
        assertTrue(stopMillis < 30_000, stopMillis + " ms");
    }
}
