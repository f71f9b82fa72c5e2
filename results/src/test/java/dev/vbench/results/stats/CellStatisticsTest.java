package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values are computed by hand; t quantiles come from a printed Student's t table (two-sided 95%,
 * e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): t(4) = 2.776445, t(9) = 2.262157, t(1) = 12.706205, t(30) = 2.042272.
 */
class CellStatisticsTest {

    @Test
    void tQuantilesMatchThePrintedTable() {
        assertThat(CellStatistics.tQuantile(1)).isCloseTo(12.706205, within(1e-5));
        assertThat(CellStatistics.tQuantile(4)).isCloseTo(2.776445, within(1e-5));
        assertThat(CellStatistics.tQuantile(9)).isCloseTo(2.262157, within(1e-5));
        assertThat(CellStatistics.tQuantile(30)).isCloseTo(2.042272, within(1e-5));
    }

    @Test
    void evenlySpacedSamples() {
        // 10, 12, 14, 16, 18: mean 14; squared deviations 16+4+0+4+16 = 40, variance 40/4 = 10, sd sqrt(10);
        // half-width t(4) * sqrt(10) / sqrt(5) = 2.776445 * sqrt(2) = 3.926486.
        CellStatistics s = CellStatistics.of(new double[] {14, 10, 18, 12, 16});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(14.0);
        assertThat(s.median()).isEqualTo(14.0);
        assertThat(s.stddev()).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(s.cv()).isCloseTo(Math.sqrt(10) / 14, within(1e-12));
        assertThat(s.ci95Low()).isCloseTo(14 - 3.926486, within(1e-5));
        assertThat(s.ci95High()).isCloseTo(14 + 3.926486, within(1e-5));
        assertThat(s.ci95HalfWidth()).isCloseTo(3.926486, within(1e-5));
    }

    @Test
    void tenSamplesWithKnownSpread() {
        // 1..10: mean 5.5, variance 82.5/9 = 9.1667, sd 3.027650; half-width 2.262157 * 3.027650 / sqrt(10) = 2.165850
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        CellStatistics s = CellStatistics.of(values);
        assertThat(s.median()).isEqualTo(5.5);
        assertThat(s.stddev()).isCloseTo(3.027650, within(1e-6));
        assertThat(s.ci95HalfWidth()).isCloseTo(2.165850, within(1e-5));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        CellStatistics s = CellStatistics.of(new double[] {3, 1, 4, 1, 5, 9});
        assertThat(s.median()).isEqualTo(3.5);
        assertThat(s.mean()).isCloseTo(23.0 / 6, within(1e-12));
    }

    @Test
    void oneSampleHasNoSpreadAndNoInterval() {
        CellStatistics s = CellStatistics.of(new double[] {42});
        assertThat(s.mean()).isEqualTo(42);
        assertThat(s.median()).isEqualTo(42);
        assertThat(s.stddev()).isNaN();
        assertThat(s.cv()).isNaN();
        assertThat(s.ci95Low()).isNaN();
        assertThat(s.ci95High()).isNaN();
    }

    @Test
    void constantSamplesHaveAZeroWidthInterval() {
        CellStatistics s = CellStatistics.of(new double[] {7, 7, 7});
        assertThat(s.stddev()).isZero();
        assertThat(s.ci95Low()).isEqualTo(7);
        assertThat(s.ci95High()).isEqualTo(7);
    }

    @Test
    void coefficientOfVariationIsUndefinedForAZeroMean() {
        assertThat(CellStatistics.of(new double[] {-1, 1}).cv()).isNaN();
    }
}
