package dev.weft.benchmarks;

import dev.weft.benchmarks.lincheck.CountingVerifier;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * One forked measurement of Lincheck in model-checking mode: checks one Lincheck class of a
 * {@link Target} and prints a {@link Measurement} line. Arguments: target name, {@code minimize} or
 * {@code no-minimize}, iterations (scenarios), invocations per iteration.
 */
public final class LincheckRun {

    private LincheckRun() {}

    public static void main(String[] args) {
        Target target = Target.valueOf(args[0]);
        boolean minimize = switch (args[1]) {
            case "minimize" -> true;
            case "no-minimize" -> false;
            default -> throw new IllegalArgumentException("mode must be minimize or no-minimize, was " + args[1]);
        };
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(Integer.parseInt(args[2]))
                .invocationsPerIteration(Integer.parseInt(args[3]))
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .minimizeFailedScenario(minimize)
                .verifier(CountingVerifier.class);
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
        System.out.println(new Measurement(report != null, seconds, CountingVerifier.invocations(), -1, headline).line());
    }
}
