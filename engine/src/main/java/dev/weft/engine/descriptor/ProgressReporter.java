package dev.weft.engine.descriptor;

import dev.weft.engine.execution.ExplorationListener;
import dev.weft.engine.execution.ExplorationStatistics;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Turns an explorer's progress calls into at most one progress line per interval: a {@code
 * weft.progress} report entry and an {@code INFO} line on the {@code dev.weft.engine} logger. The
 * explorer may call as often as it likes; the first line comes one interval after the exploration
 * started, so short tests print none.
 */
final class ProgressReporter implements ExplorationListener {

    private static final System.Logger LOGGER = System.getLogger("dev.weft.engine");

    private final TestDescriptor test;
    private final String testName;
    private final EngineExecutionListener listener;
    private final Clock clock;
    private final Duration interval;
    private final Cancellation cancellation;
    private Instant last;

    ProgressReporter(TestDescriptor test, String testName, EngineExecutionListener listener, Clock clock,
            Duration interval, Cancellation cancellation) {
        this.test = test;
        this.cancellation = cancellation;
        this.testName = testName;
        this.listener = listener;
        this.clock = clock;
        this.interval = interval;
        this.last = clock.instant();
    }

    @Override
    public void progress(ExplorationStatistics soFar) {
        Instant now = clock.instant();
        if (interval.isZero() || Duration.between(last, now).compareTo(interval) < 0) {
            return;
        }
        last = now;
        String line = ExplorationSummary.progressLine(testName, soFar);
        listener.reportingEntryPublished(test, ReportEntry.from("weft.progress", line));
        LOGGER.log(Level.INFO, "weft: {0}", line);
    }

    @Override
    public boolean stopRequested() {
        return cancellation.requested();
    }
}
