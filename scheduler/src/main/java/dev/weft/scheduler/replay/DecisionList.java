package dev.weft.scheduler.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contested decisions of one execution: at each scheduling point with two or more enabled
 * threads, the thread that ran, in order. Forced picks (one enabled thread) are not in the list.
 *
 * <p>Stored run-length encoded: a run is a maximal sequence of consecutive decisions for the same
 * thread. Each run also carries the source location of its first decision's event (the
 * {@linkplain dev.weft.scheduler.strategy.SchedulingPoint#pendingLocation pending location} of the
 * picked thread), so that a replay can say where a program stopped fitting; locations are kept once
 * in a table. A list with {@code r} runs has {@code r - 1} switches. Immutable; build one with a
 * {@link DecisionRecorder}.
 */
public final class DecisionList {

    /** The list of an execution without contested points. */
    public static final DecisionList EMPTY = new DecisionList(new int[0], new int[0], new int[0], List.of());

    private static final Pattern SOURCE_LOCATION = Pattern.compile("([^()]+)\\.([^().]+)\\([^()]+:(\\d{1,9})\\)");

    private final int[] runThreads;
    private final int[] runEnds;
    private final int[] runLocations;
    private final List<String> locations;

    DecisionList(int[] runThreads, int[] runLengths, int[] runLocations, List<String> locations) {
        this.runThreads = runThreads;
        this.runEnds = new int[runLengths.length];
        int end = 0;
        for (int i = 0; i < runLengths.length; i++) {
            end = Math.addExact(end, runLengths[i]);
            runEnds[i] = end;
        }
        this.runLocations = runLocations;
        this.locations = List.copyOf(locations);
    }

    /** Number of decisions. */
    public int size() {
        return runEnds.length == 0 ? 0 : runEnds[runEnds.length - 1];
    }

    /** Number of runs of decisions for the same thread. */
    public int runCount() {
        return runThreads.length;
    }

    /** Number of switches: decisions for another thread than the decision before. */
    public int switchCount() {
        return Math.max(0, runThreads.length - 1);
    }

    /** The thread of run {@code run}. */
    public int runThread(int run) {
        return runThreads[run];
    }

    /** The number of decisions in run {@code run}. */
    public int runLength(int run) {
        return runEnds[run] - (run == 0 ? 0 : runEnds[run - 1]);
    }

    /** The source location of run {@code run}'s first event, empty when unknown. */
    public String runLocation(int run) {
        return locations.get(runLocations[run]);
    }

    /** The distinct locations, in order of first use. */
    public List<String> locationTable() {
        return locations;
    }

    /** The thread of decision {@code index}, from 0. */
    public int threadAt(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("decision index " + index + " out of bounds for " + size() + " decisions");
        }
        int run = Arrays.binarySearch(runEnds, index + 1);
        return runThreads[run >= 0 ? run : -run - 1];
    }

    /** All decisions, expanded. */
    public int[] toThreadArray() {
        int[] threads = new int[size()];
        for (int run = 0, at = 0; run < runThreads.length; run++) {
            for (int i = runLength(run); i > 0; i--) {
                threads[at++] = runThreads[run];
            }
        }
        return threads;
    }

    void writeTo(ByteWriter out) {
        List<String> classes = new ArrayList<>();
        Map<String, Integer> classIndex = new HashMap<>();
        List<Matcher> compact = new ArrayList<>();
        for (String location : locations) {
            Matcher m = SOURCE_LOCATION.matcher(location);
            boolean fits = m.matches() && expand(m.group(1), m.group(2), Long.parseLong(m.group(3))).equals(location);
            compact.add(fits ? m : null);
            if (fits && !classIndex.containsKey(m.group(1))) {
                classIndex.put(m.group(1), classes.size());
                classes.add(m.group(1));
            }
        }
        out.writeVarint(classes.size());
        classes.forEach(out::writeString);
        out.writeVarint(locations.size());
        for (int i = 0; i < locations.size(); i++) {
            Matcher m = compact.get(i);
            if (m != null) {
                // Class.method(Outer.java:line) as line, class index and method: the file is implied
                out.writeVarint((Long.parseLong(m.group(3)) << 1) | 1);
                out.writeVarint(classIndex.get(m.group(1)));
                out.writeString(m.group(2));
            } else {
                out.writeVarint(0);
                out.writeString(locations.get(i));
            }
        }
        out.writeVarint(runThreads.length);
        for (int run = 0; run < runThreads.length; run++) {
            // location index and thread share a varint; threads from 7 on continue in the next one
            int thread = runThreads[run];
            out.writeVarint(((long) runLocations[run] << 3) | Math.min(thread, 7));
            if (thread >= 7) {
                out.writeVarint(thread - 7L);
            }
            out.writeVarint(runLength(run));
        }
    }

    static DecisionList readFrom(ByteReader in) {
        int classCount = in.readInt("class count", in.remaining());
        List<String> classes = new ArrayList<>(classCount);
        for (int i = 0; i < classCount; i++) {
            classes.add(in.readString("class"));
        }
        int locationCount = in.readInt("location count", in.remaining());
        List<String> locations = new ArrayList<>(locationCount);
        for (int i = 0; i < locationCount; i++) {
            long header = in.readVarint();
            if (header == 0) {
                locations.add(in.readString("location"));
            } else if ((header & 1) == 1) {
                String className = classes.get(in.readInt("class index", classCount - 1));
                locations.add(expand(className, in.readString("method"), header >>> 1));
            } else {
                throw new IllegalArgumentException("unknown location kind " + header);
            }
        }
        int runCount = in.readInt("run count", in.remaining());
        int[] threads = new int[runCount];
        int[] lengths = new int[runCount];
        int[] runLocations = new int[runCount];
        for (int run = 0; run < runCount; run++) {
            long packed = in.readVarint();
            if ((packed >>> 3) >= locationCount) {
                throw new IllegalArgumentException("location index out of range: " + (packed >>> 3));
            }
            runLocations[run] = (int) (packed >>> 3);
            threads[run] = (int) (packed & 7);
            if (threads[run] == 7) {
                threads[run] = Math.addExact(7, in.readInt("thread", Integer.MAX_VALUE - 7));
            }
            lengths[run] = in.readInt("run length", Integer.MAX_VALUE);
            if (lengths[run] == 0 || (run > 0 && threads[run] == threads[run - 1])) {
                throw new IllegalArgumentException("run " + run + " is empty or continues the previous one");
            }
        }
        return new DecisionList(threads, lengths, runLocations, locations);
    }

    /** {@code "Outer$Inner"}, {@code "m"} and 12 give {@code "Outer$Inner.m(Outer.java:12)"}. */
    private static String expand(String className, String method, long line) {
        String outer = className.substring(className.lastIndexOf('.') + 1).split("\\$", 2)[0];
        return className + "." + method + "(" + outer + ".java:" + line + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionList that
                && Arrays.equals(runThreads, that.runThreads)
                && Arrays.equals(runEnds, that.runEnds)
                && Arrays.equals(runLocationStrings(), that.runLocationStrings());
    }

    private String[] runLocationStrings() {
        String[] strings = new String[runThreads.length];
        for (int run = 0; run < strings.length; run++) {
            strings[run] = runLocation(run);
        }
        return strings;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(runThreads) + Arrays.hashCode(runEnds);
    }

    /** For example {@code [3×t1 @Counter.add(Counter.java:12), 2×t2 @Counter.add(Counter.java:11)]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int run = 0; run < runThreads.length; run++) {
            text.append(run == 0 ? "" : ", ").append(runLength(run)).append("×t").append(runThreads[run])
                    .append(" @").append(runLocation(run));
        }
        return text.append(']').toString();
    }
}
