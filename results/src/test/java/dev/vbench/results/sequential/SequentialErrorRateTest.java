package dev.vbench.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.ReplicationUnit;
import dev.vbench.results.stats.SimulatedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sequential design on simulated runs with boot noise: one look per boot round (a boot of every variant, 3
 * repetitions each), up to {@value #LOOKS} looks, stopping as soon as no hypothesis says CONTINUE. Expected rates
 * are nominal (5% two-sided), bands binomial, computed here. Seeded.
 */
class SequentialErrorRateTest {
    private static final int LOOKS = 6;
    private static final int REPS = 3;
    private static final int DATASETS = 1500;

    @Test
    void aaThroughputComparisonsStayNearFivePercentUnderOptionalStopping() {
        SimulatedRun run = SimulatedRun.iops(0.015, 0.03);
        Outcome o = simulate(new Random(21), run, 1000, 1000, List.of());
        assertThat(o.decidedRate()).isBetween(0.03, 0.07);
        assertThat(o.meanLooks()).isLessThan(LOOKS);
    }

    @Test
    void aaLatencyClaimsAtTheirBoundaryStayNearFivePercentUnderOptionalStopping() {
        SimulatedRun run = SimulatedRun.latency(0.015, 0.03);
        Claim claim = new Claim("lat", "same p99", "a", "b", run.workload(), run.metric(), 1.0);
        Outcome o = simulate(new Random(22), run, 2.6e6, 2.6e6, List.of(claim));
        assertThat(o.decidedRate()).isBetween(0.03, 0.07);
    }

    @Test
    void aTwentyPercentGainAtFivePercentNoiseIsFoundWithinTheMaximum() {
        // 5% noise: 3% between boots, 4% within (sqrt(0.03² + 0.04²) = 0.05)
        SimulatedRun run = SimulatedRun.iops(0.03, 0.04);
        Outcome o = simulate(new Random(23), run, 1000, 1200, List.of());
        assertThat(o.supportedRate()).isGreaterThanOrEqualTo(0.80);
        assertThat(o.meanLooks()).isLessThan(LOOKS);
    }

    private record Outcome(double decidedRate, double supportedRate, double meanLooks) {
    }

    private static Outcome simulate(Random random, SimulatedRun run, double meanA, double meanB, List<Claim> claims) {
        SequentialDesign design = SequentialDesign.of(LOOKS, ReplicationUnit.BOOT);
        int decided = 0;
        int supported = 0;
        long looks = 0;
        for (int i = 0; i < DATASETS; i++) {
            List<Sample> samples = new ArrayList<>();
            SequentialLook look = null;
            for (int k = 1; k <= LOOKS; k++) {
                samples.addAll(run.draw(random, "a", meanA, k, 1, REPS));
                samples.addAll(run.draw(random, "b", meanB, k, 1, REPS));
                look = design.decide(k, "a", claims, Cell.group(samples), look);
                if (look.stop()) {
                    break;
                }
            }
            looks += look.look();
            decided += look.hypotheses().stream().anyMatch(SequentialLook.Hypothesis::decided) ? 1 : 0;
            supported += look.hypotheses().stream().anyMatch(h -> h.action() == SequentialAction.STOP_SUPPORTED)
                    ? 1 : 0;
        }
        return new Outcome(decided / (double) DATASETS, supported / (double) DATASETS, looks / (double) DATASETS);
    }
}
