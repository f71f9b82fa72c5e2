package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values worked by hand from the one-way ANOVA table. */
class VarianceComponentsTest {

    @Test
    void balancedBoots() {
        // boots {10, 12, 14} and {20, 22, 24}: grand mean 17, boot means 12 and 22; SSW = 8 + 8 = 16 on 4 df, MSW = 4;
        // SSB = 3 (25 + 25) = 150 on 1 df; n0 = 3; between = (150 - 4) / 3 = 48.6667; ICC = 48.6667 / 52.6667
        VarianceComponents v = VarianceComponents.of(List.of(new double[] {10, 12, 14}, new double[] {20, 22, 24}));
        assertThat(v.boots()).isEqualTo(2);
        assertThat(v.withinVariance()).isCloseTo(4, within(1e-12));
        assertThat(v.betweenVariance()).isCloseTo(146.0 / 3, within(1e-12));
        assertThat(v.icc()).isCloseTo((146.0 / 3) / (146.0 / 3 + 4), within(1e-12));
        assertThat(v.withinCv()).isCloseTo(2.0 / 17, within(1e-12));
        assertThat(v.betweenCv()).isCloseTo(Math.sqrt(146.0 / 3) / 17, within(1e-12));
    }

    @Test
    void unbalancedBootsUseTheAdjustedGroupSize() {
        // {1, 3} and {5, 7, 9, 11}: grand 6; SSW = 2 + 20 = 22 on 4 df, MSW = 5.5; SSB = 2 * 16 + 4 * 4 = 48;
        // n0 = (6 - (4 + 16) / 6) / 1 = 8 / 3; between = (48 - 5.5) / (8 / 3) = 15.9375
        VarianceComponents v = VarianceComponents.of(List.of(new double[] {1, 3}, new double[] {5, 7, 9, 11}));
        assertThat(v.withinVariance()).isCloseTo(5.5, within(1e-12));
        assertThat(v.betweenVariance()).isCloseTo(15.9375, within(1e-12));
    }

    @Test
    void aNegativeEstimateIsTruncatedAtZero() {
        VarianceComponents v = VarianceComponents.of(List.of(new double[] {10, 14}, new double[] {11, 13}));
        assertThat(v.betweenVariance()).isZero();
        assertThat(v.icc()).isZero();
    }

    @Test
    void whatCannotBeEstimatedIsNaN() {
        VarianceComponents one = VarianceComponents.of(List.of(new double[] {10, 12, 14}));
        assertThat(one.withinVariance()).isCloseTo(4, within(1e-12));
        assertThat(one.betweenVariance()).isNaN();
        assertThat(one.icc()).isNaN();
        VarianceComponents single = VarianceComponents.of(List.of(new double[] {10}, new double[] {12}));
        assertThat(single.withinVariance()).isNaN();
        assertThat(single.betweenVariance()).isNaN();
    }
}
