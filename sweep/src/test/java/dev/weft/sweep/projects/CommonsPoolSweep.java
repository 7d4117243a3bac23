package dev.weft.sweep.projects;

import static dev.weft.sweep.projects.OswegoSweep.check;

import dev.weft.api.ConcurrencyTest;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/** Apache Commons Pool 2: a generic object pool borrowed from by more threads than it has objects. */
@Project(name = "Apache Commons Pool 2", artifact = "org.apache.commons:commons-pool2:2.12.1", released = 2025, classFiles = "52")
public class CommonsPoolSweep {

    /** A pooled resource that knows whether two borrowers hold it at once. */
    static final class Resource {
        final AtomicInteger holders = new AtomicInteger();
    }

    static final class Factory extends BasePooledObjectFactory<Resource> {
        final AtomicInteger created = new AtomicInteger();

        @Override
        public Resource create() {
            created.incrementAndGet();
            return new Resource();
        }

        @Override
        public PooledObject<Resource> wrap(Resource resource) {
            return new DefaultPooledObject<>(resource);
        }
    }

    private static GenericObjectPool<Resource> pool(Factory factory, int maxTotal) {
        GenericObjectPoolConfig<Resource> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(maxTotal);
        config.setJmxEnabled(false); // the platform MBean server is outside the program
        return new GenericObjectPool<>(factory, config);
    }

    private static void use(GenericObjectPool<Resource> pool) {
        try {
            Resource resource = pool.borrowObject();
            check(resource.holders.incrementAndGet() == 1, "borrowed by two threads at once");
            resource.holders.decrementAndGet();
            pool.returnObject(resource);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Two threads share a pool of one object: the second waits for the first to return it. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(value = Verdict.Kind.PASSES, why = "a real busy-wait, and no wrong result: with the default maxWait (-1) GenericObjectPool.create() computes a remaining wait that turns negative after the first pass (Instant.now(), the real clock), and its wait() helper then returns at once, so a borrower loops (monitor, AtomicLong increment and decrement) until the other borrower's makeObject() ends, burning a core on a real JVM (the remaining-wait computation is what POOL-422, apache/commons-pool#409, changes); Weft switches away from a thread that has run 1,000 steps in a row while another could run, so the loop ends as it does on a real JVM (it used to be called a hang at the step bound)")
    void poolOfOne_twoBorrowers_takeTurns() throws Exception {
        Factory factory = new Factory();
        GenericObjectPool<Resource> pool = pool(factory, 1);
        Thread a = new Thread(() -> use(pool));
        Thread b = new Thread(() -> use(pool));
        a.start();
        b.start();
        a.join();
        b.join();
        check(factory.created.get() == 1, "created " + factory.created.get());
        check(pool.getNumIdle() == 1 && pool.getNumActive() == 0, "idle " + pool.getNumIdle() + ", active " + pool.getNumActive());
        pool.close();
    }

    /** Three threads, a pool of two: never more than two objects, each borrower exclusive. */
    @ConcurrencyTest(schedules = 300, timeBudget = "60s")
    @Verdict(value = Verdict.Kind.PASSES, why = "a real busy-wait, and no wrong result: with the default maxWait (-1) GenericObjectPool.create() computes a remaining wait that turns negative after the first pass (Instant.now(), the real clock), and its wait() helper then returns at once, so a borrower loops (monitor, AtomicLong increment and decrement) until the other borrower's makeObject() ends, burning a core on a real JVM (the remaining-wait computation is what POOL-422, apache/commons-pool#409, changes); Weft switches away from a thread that has run 1,000 steps in a row while another could run, so the loop ends as it does on a real JVM (it used to be called a hang at the step bound)")
    void poolOfTwo_threeBorrowers_neverCreateAThird() throws Exception {
        Factory factory = new Factory();
        GenericObjectPool<Resource> pool = pool(factory, 2);
        Thread a = new Thread(() -> use(pool));
        Thread b = new Thread(() -> use(pool));
        a.start();
        b.start();
        use(pool);
        a.join();
        b.join();
        check(factory.created.get() <= 2, "created " + factory.created.get());
        pool.close();
    }
}
