package dev.vbench.results.stats;

import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated measurements with a known truth: each boot of a variant shifts its level by a normal boot effect
 * (sd {@code betweenCv} x mean), each repetition on that boot adds normal noise (sd {@code withinCv} x mean).
 *
 * @param workload  workload name
 * @param metric    metric name
 * @param unit      its unit
 * @param betweenCv between-boot coefficient of variation
 * @param withinCv  within-boot coefficient of variation
 */
public record SimulatedRun(String workload, String metric, String unit, double betweenCv, double withinCv) {

    /** @return random-read IOPS (higher is better, the tested metric of its workload) */
    public static SimulatedRun iops(double betweenCv, double withinCv) {
        return new SimulatedRun("randread-4k", "read_iops", "IO/s", betweenCv, withinCv);
    }

    /** @return p99 latency (lower is better) */
    public static SimulatedRun latency(double betweenCv, double withinCv) {
        return new SimulatedRun("randread-4k", "read_clat_p99", "ns", betweenCv, withinCv);
    }

    /**
     * @param random   the source of noise
     * @param variant  variant name
     * @param mean     its true mean
     * @param fromBoot the first boot to draw (1 for a fresh variant)
     * @param boots    how many boots to draw
     * @param reps     repetitions per boot
     * @return the samples
     */
    public List<Sample> draw(Random random, String variant, double mean, int fromBoot, int boots, int reps) {
        List<Sample> samples = new ArrayList<>();
        for (int boot = fromBoot; boot < fromBoot + boots; boot++) {
            double level = mean * (1 + betweenCv * random.nextGaussian());
            for (int rep = 1; rep <= reps; rep++) {
                samples.add(new Sample(variant, workload, metric, unit, rep,
                        level + mean * withinCv * random.nextGaussian(), boot));
            }
        }
        return samples;
    }

    /**
     * Binomial tolerance: the observed count of {@code n} trials with success probability {@code p} lies within
     * {@code sds} standard deviations sqrt(n p (1 - p)) of n p.
     *
     * @param p   probability
     * @param n   trials
     * @param sds standard deviations
     * @return {lowest, highest} rate
     */
    public static double[] band(double p, int n, double sds) {
        double sd = Math.sqrt(p * (1 - p) / n);
        return new double[] {p - sds * sd, p + sds * sd};
    }

    /** What ten claims at their boundary came to over many datasets: wrong SUPPORTED per claim, any, any decided. */
    public record BoundaryTally(int[] supported, int anySupported, int anyDecided) {
    }

    /**
     * Draws {@code datasets} runs of a baseline {@code a} at 1000 and candidates {@code b0..} at exactly 1.5x (each
     * claim at its boundary), 3 boots x {@code reps} a side, and decides {@code claims} on each.
     */
    public BoundaryTally boundaryClaims(Random random, List<dev.vbench.results.claims.Claim> claims, int datasets,
                                        int reps) {
        int[] supported = new int[claims.size()];
        int anySupported = 0;
        int anyDecided = 0;
        for (int i = 0; i < datasets; i++) {
            List<Sample> samples = new ArrayList<>(draw(random, "a", 1000, 1, 3, reps));
            for (int k = 0; k < claims.size(); k++) {
                samples.addAll(draw(random, "b" + k, 1500, 1, 3, reps));
            }
            List<dev.vbench.results.claims.ClaimResult> results = dev.vbench.results.claims.ClaimEvaluator.evaluate(
                    claims, Cell.group(samples), List.of());
            boolean any = false;
            for (int k = 0; k < claims.size(); k++) {
                if (results.get(k).verdict() == dev.vbench.results.claims.ClaimVerdict.SUPPORTED) {
                    supported[k]++;
                    any = true;
                }
            }
            anySupported += any ? 1 : 0;
            anyDecided += results.stream()
                    .anyMatch(r -> r.verdict() != dev.vbench.results.claims.ClaimVerdict.INCONCLUSIVE) ? 1 : 0;
        }
        return new BoundaryTally(supported, anySupported, anyDecided);
    }
}
