package dev.vbench.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.RunContext;
import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.ReplicationUnit;
import dev.vbench.results.stats.SimulatedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A/A runs driven as the run driver does (a boot round of every variant, {@link SequentialDesign#replay} after each
 * round from the second, stop when the last look says stop, at most {@value #LOOKS} boots) and then analysed from
 * their samples alone by {@link Analysis#compute(List, String, List, RunContext, SequentialDesign)}. Boot noise 1.5%,
 * repetition noise 3%, {@value #REPS} repetitions per boot. The expected rates are the design's nominal ones (a claim
 * at its boundary wrongly SUPPORTED at most 2.5%, any claim of the family at most 5%, an A/A comparison significant
 * 5% two-sided); tolerances are 3 binomial standard errors. Seeded.
 */
class SequentialAnalysisSimulationTest {
    private static final int LOOKS = 4;
    private static final int REPS = 3;
    private static final int DATASETS = 1200;
    private static final SequentialDesign DESIGN = SequentialDesign.of(LOOKS, ReplicationUnit.BOOT);

    @Test
    void anAaClaimAndComparisonKeepTheirNominalRates() {
        SimulatedRun run = SimulatedRun.iops(0.015, 0.03);
        List<Claim> claims = List.of(new Claim("aa", "b is no worse", "a", "b", run.workload(), run.metric(), 1.0));
        int supported = 0;
        int claimDecided = 0;
        int comparisonDecided = 0;
        int agreed = 0;
        Random random = new Random(31);
        for (int i = 0; i < DATASETS; i++) {
            Driven d = drive(random, run, 2, claims);
            supported += d.result().claims().get(0).verdict() == ClaimVerdict.SUPPORTED ? 1 : 0;
            claimDecided += d.result().claims().get(0).verdict() != ClaimVerdict.INCONCLUSIVE ? 1 : 0;
            comparisonDecided += d.result().comparisons().stream().anyMatch(c -> c.verdict()
                    == ComparisonVerdict.BETTER || c.verdict() == ComparisonVerdict.WORSE) ? 1 : 0;
            agreed += d.result().design().looks().equals(d.driver()) ? 1 : 0;
        }
        assertThat(agreed).as("the analysis replays the driver's looks").isEqualTo(DATASETS);
        assertThat(rate(supported)).isLessThanOrEqualTo(SimulatedRun.band(0.025, DATASETS, 3)[1]);
        assertThat(rate(claimDecided)).isBetween(0.03, SimulatedRun.band(0.05, DATASETS, 3)[1]);
        assertThat(rate(comparisonDecided)).isBetween(0.03, SimulatedRun.band(0.05, DATASETS, 3)[1]);
    }

    @Test
    void aFamilyOfFiveAaClaimsKeepsItsFamilyWiseRate() {
        SimulatedRun run = SimulatedRun.latency(0.015, 0.03);
        List<Claim> claims = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            claims.add(new Claim("c" + k, "v" + k + " is no slower", "v0", "v" + k, run.workload(), run.metric(), 1));
        }
        int[] perClaim = new int[claims.size()];
        int any = 0;
        int looks = 0;
        Random random = new Random(32);
        for (int i = 0; i < DATASETS / 2; i++) {
            AnalysisResult result = drive(random, run, 6, claims).result();
            for (int k = 0; k < claims.size(); k++) {
                perClaim[k] += result.claims().get(k).verdict() == ClaimVerdict.SUPPORTED ? 1 : 0;
            }
            any += result.claims().stream().anyMatch(c -> c.verdict() == ClaimVerdict.SUPPORTED) ? 1 : 0;
            looks += result.design().looks().size();
        }
        int n = DATASETS / 2;
        for (int count : perClaim) {
            assertThat(count / (double) n).isLessThanOrEqualTo(SimulatedRun.band(0.025, n, 3)[1]);
        }
        assertThat(any / (double) n).isLessThanOrEqualTo(SimulatedRun.band(0.05, n, 3)[1]);
        assertThat(looks / (double) n).as("A/A runs mostly stop early for futility").isLessThan(LOOKS);
    }

    private double rate(int count) {
        return count / (double) DATASETS;
    }

    /** A driven run: the analysis, and the looks the driver had after its last round. */
    private record Driven(AnalysisResult result, List<SequentialLook> driver) {
    }

    /** Variants v0 (or a) .. all at the same true mean, driven boot round by boot round. */
    private static Driven drive(Random random, SimulatedRun run, int variants, List<Claim> claims) {
        List<String> names = new ArrayList<>();
        for (int v = 0; v < variants; v++) {
            names.add(variants == 2 ? String.valueOf((char) ('a' + v)) : "v" + v);
        }
        List<Sample> samples = new ArrayList<>();
        List<SequentialLook> looks = List.of();
        for (int boot = 1; boot <= LOOKS; boot++) {
            for (String name : names) {
                samples.addAll(run.draw(random, name, 1000, boot, 1, REPS));
            }
            if (boot >= 2) {
                looks = DESIGN.replay(names.get(0), claims, samples);
                if (looks.get(looks.size() - 1).stop()) {
                    break;
                }
            }
        }
        return new Driven(Analysis.compute(samples, names.get(0), claims, RunContext.unknown(), DESIGN), looks);
    }
}
