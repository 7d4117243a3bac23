package dev.weft.benchmarks;

import dev.weft.benchmarks.lincheck.CountingVerifier;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * One forked measurement of Lincheck in model-checking mode: checks one Lincheck class of a
 * {@link Target} and prints a {@link Measurement} line. Arguments: target name, {@code minimize},
 * {@code no-minimize} or {@code warm}, iterations (scenarios), invocations per iteration, and for
 * {@code warm} the number of rounds (the check runs that many times in this JVM, without
 * minimization; the line gives the median round after the first).
 */
public final class LincheckRun {

    private LincheckRun() {}

    public static void main(String[] args) {
        Target target = Target.valueOf(args[0]);
        int iterations = Integer.parseInt(args[2]);
        int invocations = Integer.parseInt(args[3]);
        if (args[1].equals("warm")) {
            System.out.println(Measurement.warm(Integer.parseInt(args[4]), () -> run(target, false, iterations, invocations)).line());
            return;
        }
        boolean minimize = switch (args[1]) {
            case "minimize" -> true;
            case "no-minimize" -> false;
            default -> throw new IllegalArgumentException("mode must be minimize, no-minimize or warm, was " + args[1]);
        };
        System.out.println(run(target, minimize, iterations, invocations).line());
    }

    private static Measurement run(Target target, boolean minimize, int iterations, int invocations) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocations)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .minimizeFailedScenario(minimize)
                .verifier(CountingVerifier.class);
        long counted = CountingVerifier.invocations();
        long start = System.nanoTime();
        String report = null;
        try {
            options.check(target.lincheckClass);
        } catch (LincheckAssertionError failure) {
            report = failure.getMessage();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report != null) {
            System.out.println(report);
        }
        String headline = report == null ? "passed" : report.strip().lines().findFirst().orElse("");
        return new Measurement(report != null, seconds, CountingVerifier.invocations() - counted, -1, headline);
    }
}
