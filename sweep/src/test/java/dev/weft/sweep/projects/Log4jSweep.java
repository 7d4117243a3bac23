package dev.weft.sweep.projects;

import static dev.weft.sweep.projects.OswegoSweep.check;

import dev.weft.api.ConcurrencyTest;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.AsyncAppender;
import org.apache.log4j.Hierarchy;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.RootLogger;

/**
 * log4j 1.2: loggers of one repository used from several threads, an appender (whose
 * {@code doAppend} is {@code synchronized}) and the {@code AsyncAppender} with its dispatcher thread.
 * Each test makes its own {@code Hierarchy}, so no static state is shared between executions.
 */
@Project(name = "Apache log4j 1.2", artifact = "log4j:log4j:1.2.17", released = 2012, classFiles = "48")
public class Log4jSweep {

    /** Keeps the messages it is given (under the appender's monitor: doAppend is synchronized). */
    static final class Collecting extends AppenderSkeleton {
        final List<String> messages = new ArrayList<>();

        @Override
        protected void append(LoggingEvent event) {
            messages.add(event.getRenderedMessage());
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }

        synchronized List<String> messages() {
            return new ArrayList<>(messages);
        }
    }

    private static Hierarchy repository() {
        return new Hierarchy(new RootLogger(Level.DEBUG));
    }

    /** Two threads log through one logger to one appender; every message arrives. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void twoThreadsLog_everyMessageIsAppended() throws Exception {
        Hierarchy repository = repository();
        Collecting appender = new Collecting();
        repository.getRootLogger().addAppender(appender);
        Logger logger = repository.getLogger("app");
        Thread a = new Thread(() -> logger.info("a"));
        Thread b = new Thread(() -> logger.info("b"));
        a.start();
        b.start();
        a.join();
        b.join();
        check(appender.messages().size() == 2, "appended " + appender.messages());
    }

    /** Two threads ask one repository for the same new logger: both get the same instance. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void getLogger_fromTwoThreads_givesOneLogger() throws Exception {
        Hierarchy repository = repository();
        Logger[] got = new Logger[2];
        Thread a = new Thread(() -> got[0] = repository.getLogger("a.b.c"));
        Thread b = new Thread(() -> got[1] = repository.getLogger("a.b.c"));
        a.start();
        b.start();
        a.join();
        b.join();
        check(got[0] == got[1], "two loggers for a.b.c");
        check(got[0].getParent() == repository.getRootLogger(), "parent " + got[0].getParent().getName());
    }

    /** Two threads log through an AsyncAppender; closing it delivers every message. */
    @ConcurrencyTest(schedules = 200, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void asyncAppender_deliversEveryMessageBeforeClose() throws Exception {
        Hierarchy repository = repository();
        Collecting target = new Collecting();
        AsyncAppender async = new AsyncAppender();
        async.setBufferSize(1);
        async.addAppender(target);
        repository.getRootLogger().addAppender(async);
        Logger logger = repository.getLogger("app");
        Thread a = new Thread(() -> logger.info("a"));
        a.start();
        logger.info("b");
        a.join();
        async.close();
        check(target.messages().size() == 2, "delivered " + target.messages());
    }

    /** A logger's level changed while another thread logs: the message is logged or not, never half. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(Verdict.Kind.PASSES)
    void setLevelWhileLogging_logsAtMostOnce() throws Exception {
        Hierarchy repository = repository();
        Collecting appender = new Collecting();
        repository.getRootLogger().addAppender(appender);
        Logger logger = repository.getLogger("app");
        Thread a = new Thread(() -> logger.debug("debug"));
        a.start();
        logger.setLevel(Level.WARN);
        a.join();
        check(appender.messages().size() <= 1, "appended " + appender.messages());
    }
}
