package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimEvaluator;
import dev.vbench.results.claims.ClaimVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The boots x repetitions a claim would need, checked by simulating that design: it should decide the claim about
 * 80% of the time. Seeded.
 */
class SampleSizeTest {

    @Test
    void theProposedDesignDecidesTheClaimAboutEightyPercentOfTheTime() {
        SimulatedRun run = SimulatedRun.iops(0.02, 0.03);
        Random random = new Random(51);
        // a long pilot, so the noise estimates are close to the truth: 40 boots x 3 repetitions a side
        List<Sample> pilot = new ArrayList<>(run.draw(random, "a", 1000, 1, 40, 3));
        pilot.addAll(run.draw(random, "b", 1080, 1, 40, 3));
        List<Cell> cells = Cell.group(pilot);
        SampleSize size = SampleSize.toDecide(cells.get(0), cells.get(1), 1.0, 0.05);
        assertThat(size.repetitions()).isEqualTo(3);
        assertThat(size.bootNoiseMeasured()).isTrue();
        assertThat(size.boots()).isBetween(3, 12);
        assertThat(size.text()).isEqualTo("about " + size.boots() + " boots x 3 repetitions per variant (80% power at"
                + " the observed gain and noise)");

        Claim claim = new Claim("c", "b beats a", "a", "b", run.workload(), run.metric(), 1.0);
        int supported = 0;
        int trials = 600;
        for (int i = 0; i < trials; i++) {
            List<Sample> samples = new ArrayList<>(run.draw(random, "a", 1000, 1, size.boots(), 3));
            samples.addAll(run.draw(random, "b", 1080, 1, size.boots(), 3));
            supported += ClaimEvaluator.evaluate(claim, Cell.group(samples), List.of()).verdict()
                    == ClaimVerdict.SUPPORTED ? 1 : 0;
        }
        // the pilot's estimate of the gain is not exact, and boots are whole: 80% within a generous band
        assertThat(supported / (double) trials).isBetween(0.68, 0.95);
    }

    @Test
    void aGainAtTheClaimedMinimumCannotBeDecided() {
        SimulatedRun run = SimulatedRun.iops(0.0, 0.03);
        List<Sample> samples = new ArrayList<>(run.draw(new Random(52), "a", 1000, 1, 1, 3));
        samples.add(new Sample("b", run.workload(), run.metric(), run.unit(), 1, 1000));
        samples.add(new Sample("b", run.workload(), run.metric(), run.unit(), 2, 1000));
        samples.add(new Sample("b", run.workload(), run.metric(), run.unit(), 3, 1000 * 1.0));
        List<Cell> cells = Cell.group(samples);
        double mean = cells.get(0).replicates().mean();
        List<Sample> exact = new ArrayList<>(samples.subList(0, 3));
        for (int rep = 1; rep <= 3; rep++) {
            exact.add(new Sample("b", run.workload(), run.metric(), run.unit(), rep, mean + rep - 2));
        }
        cells = Cell.group(exact);
        SampleSize size = SampleSize.toDecide(cells.get(0), cells.get(1), 1.0, 0.05);
        assertThat(size.boots()).isGreaterThan(SampleSize.MAX_BOOTS);
        assertThat(size.text()).startsWith("more than 100 boots x 3 repetitions per variant: the gain is too close")
                .endsWith("(boot-to-boot noise not measured with one boot: it may take more)");
    }
}
