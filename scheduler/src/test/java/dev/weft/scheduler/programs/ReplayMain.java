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
            case "identityKeys" -> identityKeys();
            case "generatedClass" -> GeneratedClasses.lostUpdate();
            default -> throw new IllegalArgumentException("unknown program " + name);
        };
    }

    /** Keys without {@code hashCode()}: where they land in the table, so the trace, follows their identity hashes. */
    static Program identityKeys() {
        return () -> {
            java.util.Map<Object, Integer> map = new java.util.HashMap<>();
            Object[] keys = {new Object(), new Object(), new Object(), new Object(), new Object(), new Object()};
            Thread a = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    map.put(keys[i], i);
                }
            });
            Thread b = new Thread(() -> {
                for (int i = 3; i < 6; i++) {
                    map.put(keys[i], i);
                }
            });
            a.start();
            b.start();
            a.join();
            b.join();
            Programs.check(map.size() == 6, "lost entry: " + map.values());
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
