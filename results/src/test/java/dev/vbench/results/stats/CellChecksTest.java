package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** The floor, the outlier rule and the drift check, each against a hand computation or an independent one. */
class CellChecksTest {

    @Test
    void theFloorIsTheLargerOfATenthOfAPercentAndHalfTheLastDigit() {
        assertThat(SpreadFloor.of(new double[] {1000, 1000}, 1000)).isEqualTo(1.0);
        assertThat(SpreadFloor.of(new double[] {0, 0}, 0)).isEqualTo(0.5);
        assertThat(SpreadFloor.of(new double[] {0.5, 0.25}, 0.375)).isCloseTo(0.005, within(1e-15));
        assertThat(SpreadFloor.of(new double[] {1181.3, 1200}, 1190.65)).isCloseTo(1.19065, within(1e-12));
        assertThat(SpreadFloor.quantum(new double[] {9.41e9, 2.5e-9})).isCloseTo(1e-10, within(1e-25));
    }

    @Test
    void outliersAreFarFromTheMedianInRobustStandardDeviations() {
        // median 100, deviations 0 1 1 0 50, MAD 1: the limit is 3.5 x 1.4826 = 5.19
        assertThat(OutlierFlags.of(new double[] {100, 101, 99, 100, 150}, 0.1)).containsExactly(4);
        assertThat(OutlierFlags.of(new double[] {100, 101, 99, 100, 105}, 0.1)).isEmpty();
        // a count that is 0 on most repetitions: MAD 0, the floor (0.5) keeps 1 from being flagged, not 3
        assertThat(OutlierFlags.of(new double[] {0, 0, 0, 1}, 0.5)).isEmpty();
        assertThat(OutlierFlags.of(new double[] {0, 0, 0, 3}, 0.5)).containsExactly(3);
        assertThat(OutlierFlags.of(new double[] {1, 100}, 0.1)).isEmpty();
    }

    @Test
    void driftInOneGroupIsOrdinaryRegression() {
        double[] y = {100, 101.5, 101, 103, 104.2, 104};
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            regression.addData(i, y[i]);
        }
        DriftCheck drift = DriftCheck.of(List.of(y));
        assertThat(drift.slope()).isCloseTo(regression.getSlope(), within(1e-12));
        assertThat(drift.p()).isCloseTo(regression.getSignificance(), within(1e-9));
        assertThat(drift.flagged()).isTrue();
    }

    @Test
    void driftIsPooledWithinBootsEachWithItsOwnLevel() {
        // two boots at different levels with the same upward trend of 1 per repetition, and a little noise
        DriftCheck drift = DriftCheck.of(List.of(new double[] {100, 101.1, 101.9, 103}, new double[] {200, 201, 202.1,
            202.9}));
        assertThat(drift.slope()).isCloseTo(0.98, within(1e-9));
        assertThat(drift.flagged()).isTrue();
        DriftCheck flat = DriftCheck.of(List.of(new double[] {100, 102, 99, 101}, new double[] {200, 198, 201, 199}));
        assertThat(flat.flagged()).isFalse();
        assertThat(DriftCheck.of(List.of(new double[] {1, 2}, new double[] {3, 4})).p()).isNaN();
    }
}
