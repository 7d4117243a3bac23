/**
 * The controlled runtime: it runs a program so that exactly one managed thread runs at a time,
 * asks a {@link dev.weft.scheduler.strategy.Strategy} who runs next at every scheduling point,
 * models monitors, {@code wait/notify}, {@code park/unpark}, {@code join}, sleeps and timeouts (in
 * virtual time), and turns what happened into an {@link dev.weft.scheduler.runtime.Outcome} and a
 * {@link dev.weft.scheduler.runtime.Trace}. It explores sequentially consistent executions only:
 * reorderings by the JIT or the CPU need jcstress. {@link dev.weft.scheduler.runtime.ExecutionListener}s
 * (the race and misuse detectors) observe each event as it takes effect. {@code Execution} is the
 * facade the hooks call; each primitive's model, the scheduling step, turn-taking, virtual time, the
 * trace and the stuck-state report are parts of their own (drawn in {@code docs/runtime.md}, "The
 * runtime's parts").
 */
package dev.weft.scheduler.runtime;
