package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveRepetitionsTest {

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
