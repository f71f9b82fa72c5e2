package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.ReplicationUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over many random runs (1 to 8 claims, 1 to 4 boots, 1 to 4 repetitions, gains near and far from the claims,
 * noise from none to 20%, quantised values, a quarter of them A/A, fixed and group-sequential designs of 2 to 5
 * looks), no verdict contradicts the interval printed beside it: SUPPORTED and BETTER have the interval wholly above
 * the claimed gain (1 for comparisons), REFUTED and WORSE wholly below, INCONCLUSIVE and "no significant difference"
 * contain it (or have no interval).
 */
class VerdictIntervalConsistencyTest {

    @Test
    void verdictsAndIntervalsNeverContradict() {
        Random random = new Random(41);
        int decided = 0;
        for (int run = 0; run < 1500; run++) {
            int claims = 1 + random.nextInt(8);
            int boots = 1 + random.nextInt(4);
            int reps = 1 + random.nextInt(4);
            double noise = random.nextInt(5) == 0 ? 0 : 0.2 * random.nextDouble();
            boolean quantised = random.nextBoolean();
            boolean aa = random.nextInt(4) == 0;
            List<Sample> samples = new ArrayList<>(draw(random, "base", 1000, boots, reps, noise, quantised));
            List<Claim> list = new ArrayList<>();
            for (int k = 0; k < claims; k++) {
                double gain = aa ? 1 : 0.5 + 2 * random.nextDouble();
                double claimed = random.nextBoolean() ? gain * (0.9 + 0.2 * random.nextDouble()) : 0.5 + 2 * random
                        .nextDouble();
                samples.addAll(draw(random, "v" + k, 1000 * gain, boots, reps, noise, quantised));
                list.add(new Claim("c" + k, "claim", "base", "v" + k, "w", "read_iops", claimed));
            }
            SequentialDesign design = random.nextBoolean() ? SequentialDesign.fixed()
                    : SequentialDesign.of(2 + random.nextInt(4), ReplicationUnit.BOOT);
            AnalysisResult result = Analysis.compute(samples, "base", list, RunContext.unknown(), design);
            for (ClaimResult r : result.claims()) {
                check(r.verdict(), r.gain(), r.claim().minGain());
                decided += r.verdict() == ClaimVerdict.INCONCLUSIVE ? 0 : 1;
            }
            for (Comparison c : result.comparisons()) {
                ClaimVerdict as = switch (c.verdict()) {
                    case BETTER -> ClaimVerdict.SUPPORTED;
                    case WORSE -> ClaimVerdict.REFUTED;
                    case NO_SIGNIFICANT_DIFFERENCE, NOT_TESTED -> ClaimVerdict.INCONCLUSIVE;
                };
                if (c.verdict() != ComparisonVerdict.NOT_TESTED) {
                    check(as, c.gain(), 1);
                }
            }
        }
        assertThat(decided).as("the runs must decide claims often enough to test something").isGreaterThan(1000);
    }

    private static void check(ClaimVerdict verdict, Gain gain, double g0) {
        switch (verdict) {
            case SUPPORTED -> assertThat(gain.low()).as("%s", gain).isGreaterThan(g0);
            case REFUTED -> assertThat(gain.high()).as("%s", gain).isLessThan(g0);
            case INCONCLUSIVE -> {
                if (gain.hasInterval()) {
                    assertThat(g0).as("%s", gain).isBetween(gain.low(), gain.high());
                }
            }
            default -> throw new AssertionError(verdict);
        }
    }

    private static List<Sample> draw(Random random, String variant, double mean, int boots, int reps, double noise,
                                     boolean quantised) {
        List<Sample> samples = new ArrayList<>();
        for (int boot = 1; boot <= boots; boot++) {
            double level = mean * (1 + noise / 2 * random.nextGaussian());
            for (int rep = 1; rep <= reps; rep++) {
                double value = Math.max(0, level * (1 + noise * random.nextGaussian()));
                samples.add(new Sample(variant, "w", "read_iops", "IO/s", rep, quantised ? Math.round(value) : value,
                        boot));
            }
        }
        return samples;
    }
}
