package dev.weft.scheduler.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A tiny deterministic program model that drives a {@link Strategy} the way the runtime does, for
 * tests without the real runtime.
 *
 * <p>Threads are lists of steps over shared integer variables and locks. Each thread has one
 * register: {@link #read} loads a variable into it, {@link #writeIncrement} stores register + 1,
 * {@link #write} stores a constant. {@link #lock} blocks while another thread holds the lock;
 * {@link #spawn} starts another thread template; {@link #spinUntil} re-reads a variable until it has
 * a value, and marks the thread spinning once it has failed. Thread 0 runs template 0; templates
 * listed in {@link Builder#initiallyStarted} start at the beginning too. Every step is one
 * scheduling point; the execution ends when no thread is enabled (finished, or deadlocked) or after
 * a step bound (hang).
 */
public final class SimulatedProgram {

    public enum Kind { LOCAL, READ, WRITE, WRITE_INCREMENT, LOCK, UNLOCK, SPAWN, SPIN_UNTIL }

    /** One event of a thread; {@code location} is its source location for the strategy. */
    public record Step(Kind kind, int variable, int value, String location) {}

    public static Step local() {
        return new Step(Kind.LOCAL, -1, 0, "Sim.local(Sim.java:1)");
    }

    public static Step read(int variable) {
        return new Step(Kind.READ, variable, 0, "Sim.read(Sim.java:" + (100 + variable) + ")");
    }

    public static Step write(int variable, int value) {
        return new Step(Kind.WRITE, variable, value, "Sim.write(Sim.java:" + (200 + variable) + ")");
    }

    public static Step writeIncrement(int variable) {
        return new Step(Kind.WRITE_INCREMENT, variable, 0, "Sim.increment(Sim.java:" + (300 + variable) + ")");
    }

    public static Step lock(int lock) {
        return new Step(Kind.LOCK, lock, 0, "Sim.lock(Sim.java:" + (400 + lock) + ")");
    }

    public static Step unlock(int lock) {
        return new Step(Kind.UNLOCK, lock, 0, "Sim.unlock(Sim.java:" + (500 + lock) + ")");
    }

    public static Step spawn(int template) {
        return new Step(Kind.SPAWN, template, 0, "Sim.spawn(Sim.java:" + (600 + template) + ")");
    }

    public static Step spinUntil(int variable, int value) {
        return new Step(Kind.SPIN_UNTIL, variable, value, "Sim.spin(Sim.java:" + (700 + variable) + ")");
    }

    public static Step at(Step step, String location) {
        return new Step(step.kind(), step.variable(), step.value(), location);
    }

    /** What one execution did. */
    public record Execution(List<Integer> schedule, int[] memory, List<List<Integer>> reads, boolean deadlock,
            boolean hang, boolean more) {}

    public static final class Builder {
        private final List<List<Step>> templates = new ArrayList<>();
        private final List<Integer> initial = new ArrayList<>();
        private Predicate<Execution> correct = execution -> true;
        private int maxSteps = 10_000;

        /** Adds a thread template; the first one is thread 0's. */
        public Builder thread(Step... steps) {
            templates.add(List.of(steps));
            return this;
        }

        /** Templates (besides 0) whose threads start at the beginning, in this order. */
        public Builder initiallyStarted(Integer... started) {
            initial.addAll(List.of(started));
            return this;
        }

        public Builder correctWhen(Predicate<Execution> check) {
            correct = check;
            return this;
        }

        public Builder maxSteps(int steps) {
            maxSteps = steps;
            return this;
        }

        public SimulatedProgram build() {
            return new SimulatedProgram(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final List<List<Step>> templates;
    private final List<Integer> initial;
    private final Predicate<Execution> correct;
    private final int maxSteps;

    private SimulatedProgram(Builder builder) {
        templates = List.copyOf(builder.templates);
        initial = List.copyOf(builder.initial);
        correct = builder.correct;
        maxSteps = builder.maxSteps;
    }

    /** Whether the execution is correct (no deadlock, no hang, the program's check holds). */
    public boolean isCorrect(Execution execution) {
        return !execution.deadlock() && !execution.hang() && correct.test(execution);
    }

    /** Runs execution {@code index} under {@code strategy}, calling begin, pick and end like the runtime. */
    public Execution run(Strategy strategy, long index) {
        strategy.beginExecution(index);
        Run run = new Run();
        while (true) {
            run.refreshEnabled();
            if (run.enabled.isEmpty() || run.step >= maxSteps) {
                break;
            }
            int chosen = strategy.pick(run);
            if (!run.isEnabled(chosen)) {
                throw new AssertionError(strategy.describe() + " picked thread " + chosen
                        + ", which is not enabled " + run.enabled + " at step " + run.step);
            }
            run.execute(chosen);
        }
        boolean unfinished = false;
        for (int t = 0; t < run.threadCount(); t++) {
            unfinished |= run.pc.get(t) < templates.get(run.templateOf.get(t)).size();
        }
        boolean hang = run.step >= maxSteps && !run.enabled.isEmpty();
        boolean deadlock = run.enabled.isEmpty() && unfinished;
        boolean more = strategy.endExecution();
        return new Execution(List.copyOf(run.schedule), run.memory, run.reads, deadlock, hang, more);
    }

    /** The first execution index in {@code [0, budget)} that is incorrect, or -1. */
    public long firstFailure(Strategy strategy, long budget) {
        for (long j = 0; j < budget; j++) {
            Execution execution = run(strategy, j);
            if (!isCorrect(execution)) {
                return j;
            }
            if (!execution.more()) {
                return -1;
            }
        }
        return -1;
    }

    private final class Run implements SchedulingPoint {
        final int[] memory = new int[64];
        final int[] lockOwner = new int[16];
        final List<Integer> templateOf = new ArrayList<>();
        final List<Integer> pc = new ArrayList<>();
        final List<Integer> register = new ArrayList<>();
        final List<Boolean> spinning = new ArrayList<>();
        final List<List<Integer>> reads = new ArrayList<>();
        final List<Integer> enabled = new ArrayList<>();
        final List<Integer> schedule = new ArrayList<>();
        long step;
        int current;

        Run() {
            Arrays.fill(lockOwner, -1);
            start(0);
            initial.forEach(this::start);
        }

        void start(int template) {
            templateOf.add(template);
            pc.add(0);
            register.add(0);
            spinning.add(false);
            reads.add(new ArrayList<>());
        }

        Step pending(int thread) {
            List<Step> steps = templates.get(templateOf.get(thread));
            int at = pc.get(thread);
            return at < steps.size() ? steps.get(at) : null;
        }

        void refreshEnabled() {
            enabled.clear();
            for (int t = 0; t < threadCount(); t++) {
                Step next = pending(t);
                if (next != null && !(next.kind() == Kind.LOCK && lockOwner[next.variable()] >= 0
                        && lockOwner[next.variable()] != t)) {
                    enabled.add(t);
                }
            }
        }

        void execute(int thread) {
            Step next = pending(thread);
            boolean advance = true;
            switch (next.kind()) {
                case LOCAL -> { }
                case READ -> {
                    register.set(thread, memory[next.variable()]);
                    reads.get(thread).add(memory[next.variable()]);
                }
                case WRITE -> memory[next.variable()] = next.value();
                case WRITE_INCREMENT -> memory[next.variable()] = register.get(thread) + 1;
                case LOCK -> lockOwner[next.variable()] = thread;
                case UNLOCK -> lockOwner[next.variable()] = -1;
                case SPAWN -> start(next.variable());
                case SPIN_UNTIL -> {
                    advance = memory[next.variable()] == next.value();
                    spinning.set(thread, !advance);
                }
            }
            if (advance) {
                pc.set(thread, pc.get(thread) + 1);
            }
            schedule.add(thread);
            current = thread;
            step++;
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public int threadCount() {
            return templateOf.size();
        }

        @Override
        public boolean isEnabled(int thread) {
            return enabled.contains(thread);
        }

        @Override
        public int enabledCount() {
            return enabled.size();
        }

        @Override
        public int enabled(int i) {
            return enabled.get(i);
        }

        @Override
        public long pendingTarget(int thread) {
            Step next = pending(thread);
            if (next == null) {
                return 0;
            }
            return switch (next.kind()) {
                case READ, WRITE, WRITE_INCREMENT, SPIN_UNTIL -> 1 + next.variable();
                case LOCK, UNLOCK -> 1000 + next.variable();
                case LOCAL, SPAWN -> 0;
            };
        }

        @Override
        public boolean pendingWrite(int thread) {
            Step next = pending(thread);
            return next != null && next.kind() != Kind.READ && next.kind() != Kind.SPIN_UNTIL
                    && next.kind() != Kind.LOCAL;
        }

        @Override
        public String pendingLocation(int thread) {
            Step next = pending(thread);
            return next == null ? "" : next.location();
        }

        @Override
        public boolean spinning(int thread) {
            return spinning.get(thread);
        }
    }
}
