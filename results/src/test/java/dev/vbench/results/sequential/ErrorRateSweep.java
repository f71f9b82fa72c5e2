package dev.vbench.results.sequential;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimEvaluator;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.ReplicationUnit;
import dev.vbench.results.stats.SimulatedRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The heavy sweep behind the unit suite's error-rate tests (FixedDesignErrorRateTest, SequentialErrorRateTest,
 * AdaptiveRepetitionsTest): many designs, 20,000 simulated runs each by default, a few minutes. Prints each observed
 * rate with its binomial standard error beside the expected one: the nominal level, and for the fixed design also
 * Commons Math's own Welch t-test on the same boot means (an implementation independent of vbench's). Seeded.
 *
 * <pre>
 * mvn -o -q -pl results test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.vbench.results.sequential.ErrorRateSweep [-Dexec.args=20000]
 * </pre>
 */
public final class ErrorRateSweep {
    private static final int REPS = 3;

    private ErrorRateSweep() {
    }

    /** @param args the number of simulated runs per design (default 20,000) */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.println("A/A, fixed design, " + REPS + " repetitions a boot, 3% within-boot noise; expected: 5%"
                + " nominal, and Commons Math's Welch test on the same boot means");
        for (double between : new double[] {0.01, 0.02}) {
            for (int boots = 2; boots <= 5; boots++) {
                fixedAa(n, boots, between);
            }
        }
        System.out.println("A/A, sequential design (one look per boot round, O'Brien-Fleming spending); expected 5%");
        for (int looks : new int[] {4, 6}) {
            sequential(n, looks, SimulatedRun.iops(0.015, 0.03), 1000, "throughput A/A");
            sequential(n, looks, SimulatedRun.latency(0.015, 0.03), 1000, "latency claim at its boundary");
        }
        System.out.println("Power: 20% gain, 5% noise (3% between boots, 4% within); wanted >= 80% within the maximum");
        for (int looks : new int[] {4, 6}) {
            sequential(n, looks, SimulatedRun.iops(0.03, 0.04), 1200, "throughput +20%");
        }
        System.out.println("Ten claims at their boundary (3 boots x 3, 1.5% / 3%); expected <= 2.5% each, <= 5% family");
        boundaryClaims(n);
    }

    private static void fixedAa(int n, int boots, double between) {
        Random random = new Random(1000L * boots + Math.round(1000 * between));
        SimulatedRun run = SimulatedRun.iops(between, 0.03);
        int ours = 0;
        int reference = 0;
        for (int i = 0; i < n; i++) {
            List<Sample> samples = new ArrayList<>(run.draw(random, "a", 1000, 1, boots, REPS));
            samples.addAll(run.draw(random, "b", 1000, 1, boots, REPS));
            List<Cell> cells = Cell.group(samples);
            ours += Comparisons.against("a", cells).get(0).verdict() == ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE
                    ? 0 : 1;
            double[] a = cells.get(0).replicates().values().stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = cells.get(1).replicates().values().stream().mapToDouble(Double::doubleValue).toArray();
            reference += new TTest().tTest(a, b) < 0.05 ? 1 : 0;
        }
        print(String.format(Locale.ROOT, "  %d boots, %.0f%% between", boots, 100 * between), ours, n,
                String.format(Locale.ROOT, "Welch (Commons Math) %.2f%%", 100.0 * reference / n));
    }

    private static void sequential(int n, int looks, SimulatedRun run, double meanB, String what) {
        Random random = new Random(looks * 7919L + Math.round(meanB) + what.hashCode());
        SequentialDesign design = SequentialDesign.of(looks, ReplicationUnit.BOOT);
        List<Claim> claims = run.metric().equals("read_clat_p99")
                ? List.of(new Claim("lat", "same", "a", "b", run.workload(), run.metric(), 1.0)) : List.of();
        int decided = 0;
        long taken = 0;
        for (int i = 0; i < n; i++) {
            List<Sample> samples = new ArrayList<>();
            SequentialLook look = null;
            for (int k = 1; k <= looks; k++) {
                samples.addAll(run.draw(random, "a", 1000, k, 1, REPS));
                samples.addAll(run.draw(random, "b", meanB, k, 1, REPS));
                look = design.decide(k, "a", claims, Cell.group(samples), look);
                if (look.stop()) {
                    break;
                }
            }
            taken += look.look();
            decided += look.hypotheses().stream().anyMatch(SequentialLook.Hypothesis::decided) ? 1 : 0;
        }
        print(String.format(Locale.ROOT, "  %d looks, %s", looks, what), decided, n,
                String.format(Locale.ROOT, "mean boots %.2f of %d", taken / (double) n, looks));
    }

    private static void boundaryClaims(int n) {
        Random random = new Random(11);
        SimulatedRun run = SimulatedRun.iops(0.015, 0.03);
        List<Claim> claims = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            claims.add(new Claim("c" + k, "1.5x", "a", "b" + k, run.workload(), run.metric(), 1.5));
        }
        SimulatedRun.BoundaryTally tally = run.boundaryClaims(random, claims, n, REPS);
        int[] supported = tally.supported();
        int anySupported = tally.anySupported();
        int anyDecided = tally.anyDecided();
        int worst = Arrays.stream(supported).max().orElse(0);
        print("  worst single claim SUPPORTED", worst, n, "expected <= 2.5%");
        print("  some claim SUPPORTED", anySupported, n, "expected <= 2.5%");
        print("  some claim decided", anyDecided, n, "expected <= 5%");
    }

    private static void print(String what, int count, int n, String expected) {
        double p = count / (double) n;
        System.out.printf(Locale.ROOT, "%-44s %6.2f%% +- %.2f%%   %s%n", what, 100 * p,
                100 * Math.sqrt(p * (1 - p) / n), expected);
    }
}
