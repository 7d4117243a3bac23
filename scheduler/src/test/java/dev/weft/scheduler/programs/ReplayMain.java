package dev.weft.scheduler.programs;

import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.replay.ReplayToken;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;

/** Replays a token of one of the example programs in this JVM and prints the outcome and the trace. */
public final class ReplayMain {

    private ReplayMain() {}

    static Program program(String name) {
        return switch (name) {
            case "hashMapPut" -> Programs.hashMapPut(false);
            case "checkThenAct" -> Programs.checkThenAct(false);
            case "lockOrderReentrantLock" -> Programs.lockOrderReentrantLock(false);
            case "executorRace" -> Programs.executorRace(false);
            default -> throw new IllegalArgumentException("unknown program " + name);
        };
    }

    static String replay(String programName, String tokenText) {
        ReplayToken token = ReplayToken.parse(tokenText);
        token.requireJdk(Runtime.version().feature());
        ExecutionResult result = new Explorer(ControlledRuntime.get()).replay(program(programName), token.seed(),
                token.execution(), token.decisions(), ExecutionOptions.DEFAULT_MAX_STEPS);
        return result.outcome().headline() + "\n" + result.renderTrace();
    }

    public static void main(String[] args) {
        System.out.print("<<<" + replay(args[0], args[1]) + ">>>");
    }
}
