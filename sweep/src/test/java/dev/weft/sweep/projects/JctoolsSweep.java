package dev.weft.sweep.projects;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.api.ObjectScenario;
import dev.weft.api.Operation;
import dev.weft.sweep.Project;
import dev.weft.sweep.Verdict;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentMap;
import org.jctools.maps.NonBlockingHashMap;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpmcUnboundedXaddArrayQueue;

/**
 * JCTools: lock-free queues on {@code Unsafe}, and Cliff Click's {@code NonBlockingHashMap}. Only
 * multi-producer multi-consumer queues are run: the object form gives any operation to any thread,
 * which a single-consumer queue's contract forbids.
 */
@Project(name = "JCTools", artifact = "org.jctools:jctools-core:4.0.5", released = 2024, classFiles = "52")
public class JctoolsSweep {

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @MapScenario(operations = {MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.PUT_IF_ABSENT,
            MapOperation.REPLACE_IF_EQUALS, MapOperation.REMOVE_IF_EQUALS})
    @Verdict(Verdict.Kind.PASSES)
    ConcurrentMap<Integer, Integer> nonBlockingHashMap() {
        return new NonBlockingHashMap<>();
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @ObjectScenario(model = "sequentialQueue")
    @Verdict(value = Verdict.Kind.PASSES, why = "every history linearizable; a reader that waits for a producer which has claimed a slot and not yet published it spins on volatile loads made through Unsafe (lvLongElement of the sequence array in peek and poll), which the runtime counts as reads, so it switches away after 64 of them (it counted every atomic operation as a write, and the spin ended in a false hang at the step bound until a thread that runs 1,000 steps in a row while another could run was taken for a spinning one)")
    Queue<Integer> mpmcArrayQueue() {
        return new MpmcArrayQueue<>(8); // more slots than a scenario offers: never full
    }

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 100, timeBudget = "60s")
    @ObjectScenario(model = "sequentialQueue")
    @Verdict(value = Verdict.Kind.PASSES, why = "every history linearizable; a reader that waits for a producer which has claimed a slot and not yet published it spins on volatile loads made through Unsafe (the sequence and element loads of a chunk), which the runtime counts as reads, so it switches away after 64 of them (it counted every atomic operation as a write, and the spin ended in a false hang at the step bound until a thread that runs 1,000 steps in a row while another could run was taken for a spinning one)")
    Queue<Integer> mpmcUnboundedXaddArrayQueue() {
        return new MpmcUnboundedXaddArrayQueue<>(2); // chunks of two: scenarios cross chunk boundaries
    }

    Queue<Integer> sequentialQueue() {
        return new ArrayDeque<>();
    }

    @Operation(arguments = {1, 2, 3})
    boolean offer(Queue<Integer> queue, int value) {
        return queue.offer(value);
    }

    @Operation
    Integer poll(Queue<Integer> queue) {
        return queue.poll();
    }

    @Operation
    Integer peek(Queue<Integer> queue) {
        return queue.peek();
    }
}
