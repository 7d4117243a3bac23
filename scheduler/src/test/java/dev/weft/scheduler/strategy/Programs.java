package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.strategy.SimulatedProgram.local;
import static dev.weft.scheduler.strategy.SimulatedProgram.lock;
import static dev.weft.scheduler.strategy.SimulatedProgram.read;
import static dev.weft.scheduler.strategy.SimulatedProgram.spawn;
import static dev.weft.scheduler.strategy.SimulatedProgram.spinUntil;
import static dev.weft.scheduler.strategy.SimulatedProgram.unlock;
import static dev.weft.scheduler.strategy.SimulatedProgram.write;
import static dev.weft.scheduler.strategy.SimulatedProgram.writeIncrement;

import dev.weft.scheduler.strategy.SimulatedProgram.Step;
import java.util.ArrayList;
import java.util.List;

/** Simulated programs shared by the strategy and replay tests, each buggy and correct. */
public final class Programs {

    private Programs() {}

    /** {@code threads} threads of {@code k} atomic steps each on their own variables, started together. */
    public static SimulatedProgram independentThreads(int threads, int k) {
        SimulatedProgram.Builder builder = SimulatedProgram.builder().thread();
        for (int t = 1; t <= threads; t++) {
            Step[] steps = new Step[k];
            for (int i = 0; i < k; i++) {
                steps[i] = write(t, i);
            }
            builder.thread(steps).initiallyStarted(t);
        }
        return builder.build();
    }

    /**
     * Two threads increment a shared counter (variable 0) by a read then a write; with
     * {@code locked} each increment holds lock 0. Correct when the counter ends at 2.
     */
    public static SimulatedProgram lostUpdate(boolean locked) {
        Step[] increment = locked
                ? new Step[] {lock(0), read(0), writeIncrement(0), unlock(0)}
                : new Step[] {read(0), writeIncrement(0)};
        return SimulatedProgram.builder()
                .thread(spawn(1), spawn(1))
                .thread(increment)
                .correctWhen(execution -> execution.memory()[0] == 2)
                .build();
    }

    /**
     * An ordering bug of depth 2: the writer sets {@code a} then, after some work, {@code b}; the
     * reader, after some work, reads {@code a} then {@code b}. Wrong when the reader sees the new
     * {@code a} and the old {@code b} (needs writer's a before reader's a, and reader's b before
     * writer's b). With {@code locked} both pairs are atomic.
     */
    public static SimulatedProgram depthTwoOrdering(boolean locked, int work) {
        List<Step> writer = new ArrayList<>();
        List<Step> reader = new ArrayList<>();
        for (int i = 0; i < work; i++) {
            reader.add(local());
        }
        if (locked) {
            writer.add(lock(0));
            reader.add(lock(0));
        }
        writer.add(write(1, 1));
        for (int i = 0; i < work; i++) {
            writer.add(local());
        }
        writer.add(write(2, 1));
        reader.add(read(1));
        reader.add(read(2));
        if (locked) {
            writer.add(unlock(0));
            reader.add(unlock(0));
        }
        return SimulatedProgram.builder()
                .thread(spawn(1), spawn(2))
                .thread(writer.toArray(Step[]::new))
                .thread(reader.toArray(Step[]::new))
                .correctWhen(execution -> !execution.reads().get(2).equals(List.of(1, 0)))
                .build();
    }

    /**
     * A lock-order deadlock: thread 1 takes locks 0 then 1, thread 2 takes 1 then 0; with
     * {@code ordered} both take 0 then 1.
     */
    public static SimulatedProgram lockOrder(boolean ordered) {
        return SimulatedProgram.builder()
                .thread(spawn(1), spawn(2))
                .thread(lock(0), lock(1), unlock(1), unlock(0))
                .thread(ordered ? lock(0) : lock(1), ordered ? lock(1) : lock(0), unlock(1), unlock(0))
                .build();
    }

    /** A thread spins until a flag is set by another thread, which first does some work. */
    public static SimulatedProgram spinHandshake(int work) {
        Step[] setter = new Step[work + 1];
        for (int i = 0; i < work; i++) {
            setter[i] = local();
        }
        setter[work] = write(5, 1);
        return SimulatedProgram.builder()
                .thread(spawn(1), spawn(2))
                .thread(spinUntil(5, 1), read(5))
                .thread(setter)
                .maxSteps(2_000)
                .build();
    }
}
