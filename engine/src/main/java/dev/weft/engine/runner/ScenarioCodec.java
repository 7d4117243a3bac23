package dev.weft.engine.runner;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario part of a map-form replay token: the (shrunk) scenario itself, so that a token
 * replays without regenerating anything. Operations are stored by name, arguments as integers.
 */
final class ScenarioCodec {

    private static final int VERSION = 1;

    private ScenarioCodec() {}

    /**
     * A scenario as a token holds it, with the shape of the scenario it was shrunk from.
     *
     * @param scenario the scenario to replay
     * @param originalThreads threads of the scenario before shrinking
     * @param originalSize calls of the scenario before shrinking
     */
    record Decoded(Scenario<MapCall> scenario, int originalThreads, int originalSize) {}

    static byte[] encode(Scenario<MapCall> scenario, int originalThreads, int originalSize) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(scenario.index());
            out.writeByte(originalThreads);
            out.writeShort(originalSize);
            writeCalls(out, scenario.before());
            out.writeByte(scenario.threads().size());
            for (List<MapCall> thread : scenario.threads()) {
                writeCalls(out, thread);
            }
            writeCalls(out, scenario.after());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeCalls(DataOutputStream out, List<MapCall> calls) throws IOException {
        out.writeShort(calls.size());
        for (MapCall call : calls) {
            out.writeUTF(call.operation().name());
            out.writeByte(call.arguments().size());
            for (Integer argument : call.arguments()) {
                out.writeBoolean(argument != null);
                if (argument != null) {
                    out.writeInt(argument);
                }
            }
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a scenario this version wrote */
    static Decoded decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("replay token holds a scenario of format " + version
                        + ", this weft reads format " + VERSION + "; re-run the exploration to get a new token");
            }
            int index = in.readInt();
            int originalThreads = in.readUnsignedByte();
            int originalSize = in.readUnsignedShort();
            List<MapCall> before = readCalls(in);
            int threadCount = in.readUnsignedByte();
            List<List<MapCall>> threads = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                threads.add(readCalls(in));
            }
            List<MapCall> after = readCalls(in);
            return new Decoded(new Scenario<>(index, before, threads, after), originalThreads, originalSize);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("replay token")) {
                throw iae;
            }
            throw new IllegalArgumentException("replay token holds no readable map scenario (" + e.getMessage()
                    + "); was it recorded for an imperative test?", e);
        }
    }

    private static List<MapCall> readCalls(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<MapCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MapOperation operation = MapOperation.valueOf(in.readUTF());
            int arguments = in.readUnsignedByte();
            Integer[] values = new Integer[arguments];
            for (int a = 0; a < arguments; a++) {
                values[a] = in.readBoolean() ? in.readInt() : null;
            }
            calls.add(MapCall.of(operation, values));
        }
        return calls;
    }
}
