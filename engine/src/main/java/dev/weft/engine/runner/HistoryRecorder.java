package dev.weft.engine.runner;

import dev.weft.engine.scenario.CallResult;
import dev.weft.models.history.History;
import java.util.Optional;

/**
 * Records the invocations and responses of one execution in real-time order. Only one managed
 * thread runs at a time, so plain arrays suffice; the engine's classes are not instrumented, so
 * recording adds no scheduling point. Not thread-safe: on real threads, record each thread's events
 * first and replay them here in one real-time order ({@link dev.weft.engine.stress.StressRun} does).
 */
public final class HistoryRecorder {

    private final int[] eventThread;
    private final int[] eventCall;
    private final boolean[] eventIsResponse;
    private final CallResult[] results;
    private int events;

    /** @param calls the number of calls of the scenario; calls are numbered in scenario order */
    public HistoryRecorder(int calls) {
        eventThread = new int[calls * 2];
        eventCall = new int[calls * 2];
        eventIsResponse = new boolean[calls * 2];
        results = new CallResult[calls];
    }

    /** Thread {@code thread} (0 for the sequential parts) invoked call number {@code call}. */
    public void invoked(int thread, int call) {
        eventThread[events] = thread;
        eventCall[events] = call;
        eventIsResponse[events] = false;
        events++;
    }

    /** Thread {@code thread} got {@code result} from call number {@code call}. */
    public void responded(int thread, int call, CallResult result) {
        eventThread[events] = thread;
        eventCall[events] = call;
        eventIsResponse[events] = true;
        results[call] = result;
        events++;
    }

    /** The call number of event {@code event} (an invocation or a response), in recording order. */
    public int callOfEvent(int event) {
        return eventCall[event];
    }

    /** What call number {@code call} returned or threw; empty while it has not returned. */
    public Optional<CallResult> result(int call) {
        return Optional.ofNullable(results[call]);
    }

    /** The history for the checker; calls that never returned are pending. */
    public History history(ScenarioCall[] calls) {
        History.Builder builder = History.builder();
        for (int i = 0; i < events; i++) {
            int thread = eventThread[i];
            ScenarioCall call = calls[eventCall[i]];
            if (!eventIsResponse[i]) {
                builder.invoke(thread, call.modelName(), call.modelArguments());
            } else {
                CallResult result = results[eventCall[i]];
                if (result instanceof CallResult.Threw threw) {
                    builder.fail(thread, threw.type().getName());
                } else if (result instanceof CallResult.Returned returned) {
                    builder.ok(thread, call.modelValue(returned.value()));
                } else {
                    builder.ok(thread, null);
                }
            }
        }
        return builder.build();
    }
}
