package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class AdaptiveRepetitionsTest {

    /**
     * Why the rule is deprecated: stopping when the interval happens to be narrow selects data sets whose spread is
     * underestimated. A/A, one boot, 5% noise, min 3, max 10, target 5%: the issue measured 10.6% false
     * differences over 20,000 data sets where a fixed design gives about 5%. Seeded; 2,000 data sets here.
     */
    @Test
    void stoppingOnANarrowIntervalInflatesTheFalsePositiveRate() {
        Random random = new Random(71);
        SimulatedRun run = SimulatedRun.iops(0, 0.05);
        int falsePositives = 0;
        int datasets = 2000;
        for (int i = 0; i < datasets; i++) {
            List<Sample> samples = new ArrayList<>();
            for (String variant : List.of("a", "b")) {
                List<Sample> cell = new ArrayList<>();
                while (AdaptiveRepetitions.needsMore(cell.stream().mapToDouble(Sample::value)
                        .toArray(), 3, 10, 5)) {
                    Sample s = run.draw(random, variant, 1000, 1, 1, 1).get(0);
                    cell.add(new Sample(variant, s.workload(), s.metric(), s.unit(),
                            cell.size() + 1, s.value()));
                }
                samples.addAll(cell);
            }
            falsePositives += Comparisons.against("a", Cell.group(samples)).get(0).verdict()
                    == ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE ? 0 : 1;
        }
        assertThat(falsePositives / (double) datasets).isGreaterThan(SimulatedRun.band(0.05, datasets, 4)[1]);
    }

    @Test
    void alwaysTakesTheMinimum() {
        assertThat(AdaptiveRepetitions.needsMore(new double[] {100, 100}, 3, 10, 5)).isTrue();
        assertThat(AdaptiveRepetitions.needsMore(new double[0], 2, 10, 5)).isTrue();
    }

    @Test
    void stopsWhenTheIntervalIsWithinTheTarget() {
        // 10, 12, 14, 16, 18: half-width 3.926486 = 28.0% of the mean 14
        double[] spread = {10, 12, 14, 16, 18};
        assertThat(AdaptiveRepetitions.needsMore(spread, 3, 10, 28.1)).isFalse();
        assertThat(AdaptiveRepetitions.needsMore(spread, 3, 10, 28.0)).isTrue();
        assertThat(AdaptiveRepetitions.needsMore(List.of(10.0, 12.0, 14.0, 16.0, 18.0), 3, 10, 5)).isTrue();
    }

    @Test
    void stopsAtTheMaximumWhateverTheSpread() {
        assertThat(AdaptiveRepetitions.needsMore(new double[] {1, 100, 1, 100}, 2, 4, 1)).isFalse();
    }

    @Test
    void aZeroMeanNeedsAZeroSpread() {
        assertThat(AdaptiveRepetitions.needsMore(new double[] {0, 0, 0}, 3, 10, 5)).isFalse();
        assertThat(AdaptiveRepetitions.needsMore(new double[] {-1, 0, 1}, 3, 10, 5)).isTrue();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> AdaptiveRepetitions.needsMore(new double[0], 1, 10, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdaptiveRepetitions.needsMore(new double[0], 5, 4, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdaptiveRepetitions.needsMore(new double[0], 2, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
