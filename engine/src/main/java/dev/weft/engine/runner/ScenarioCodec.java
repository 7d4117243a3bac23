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
 * The scenario part of a replay token: the (shrunk) scenario itself, so that a token replays without
 * regenerating anything. Operations are stored by name, arguments as integers. The map form's entry
 * points ({@link #encodeMap}, {@link #decodeMap}) are public for tools that take a scenario out of a
 * token, such as the jcstress bridge ({@link dev.weft.engine.stress.StressScenario}).
 */
public final class ScenarioCodec {

    /** How one kind of call is written and read back. */
    interface Calls<C> {
        String name(C call);

        List<Integer> arguments(C call);

        /** @throws IllegalArgumentException when no operation has that name */
        C call(String name, Integer[] arguments);
    }

    /** Map calls: the {@link MapOperation} constant's name. */
    static final Calls<MapCall> MAP_CALLS = new Calls<>() {
        @Override
        public String name(MapCall call) {
            return call.operation().name();
        }

        @Override
        public List<Integer> arguments(MapCall call) {
            return call.arguments();
        }

        @Override
        public MapCall call(String name, Integer[] arguments) {
            return MapCall.of(MapOperation.valueOf(name), arguments);
        }
    };

    private static final int VERSION = 1;

    private ScenarioCodec() {}

    /**
     * A scenario as a token holds it, with the shape of the scenario it was shrunk from.
     *
     * @param scenario the scenario to replay
     * @param originalThreads threads of the scenario before shrinking
     * @param originalSize calls of the scenario before shrinking
     */
    public record Decoded<C>(Scenario<C> scenario, int originalThreads, int originalSize) {}

    /** A map scenario as a token holds it, with the shape of the scenario it was shrunk from. */
    public static byte[] encodeMap(Scenario<MapCall> scenario, int originalThreads, int originalSize) {
        return encode(scenario, originalThreads, originalSize, MAP_CALLS);
    }

    /**
     * The map scenario in a token's scenario bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a map scenario this version wrote
     */
    public static Decoded<MapCall> decodeMap(byte[] data) {
        return decode(data, MAP_CALLS);
    }

    static <C> byte[] encode(Scenario<C> scenario, int originalThreads, int originalSize, Calls<C> codec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(scenario.index());
            out.writeByte(originalThreads);
            out.writeShort(originalSize);
            writeCalls(out, scenario.before(), codec);
            out.writeByte(scenario.threads().size());
            for (List<C> thread : scenario.threads()) {
                writeCalls(out, thread, codec);
            }
            writeCalls(out, scenario.after(), codec);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static <C> void writeCalls(DataOutputStream out, List<C> calls, Calls<C> codec) throws IOException {
        out.writeShort(calls.size());
        for (C call : calls) {
            out.writeUTF(codec.name(call));
            out.writeByte(codec.arguments(call).size());
            for (Integer argument : codec.arguments(call)) {
                out.writeBoolean(argument != null);
                if (argument != null) {
                    out.writeInt(argument);
                }
            }
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a scenario this version wrote */
    static <C> Decoded<C> decode(byte[] data, Calls<C> codec) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("replay token holds a scenario of format " + version
                        + ", this weft reads format " + VERSION + "; re-run the exploration to get a new token");
            }
            int index = in.readInt();
            int originalThreads = in.readUnsignedByte();
            int originalSize = in.readUnsignedShort();
            List<C> before = readCalls(in, codec);
            int threadCount = in.readUnsignedByte();
            List<List<C>> threads = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                threads.add(readCalls(in, codec));
            }
            List<C> after = readCalls(in, codec);
            return new Decoded<>(new Scenario<>(index, before, threads, after), originalThreads, originalSize);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("replay token")) {
                throw iae;
            }
            throw new IllegalArgumentException("replay token holds no readable scenario of this test (" + e.getMessage()
                    + "); was it recorded for another test?", e);
        }
    }

    private static <C> List<C> readCalls(DataInputStream in, Calls<C> codec) throws IOException {
        int count = in.readUnsignedShort();
        List<C> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int arguments = in.readUnsignedByte();
            Integer[] values = new Integer[arguments];
            for (int a = 0; a < arguments; a++) {
                values[a] = in.readBoolean() ? in.readInt() : null;
            }
            calls.add(codec.call(name, values));
        }
        return calls;
    }
}
