package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmCorrectionTest {

    @Test
    void stepDownByHand() {
        // sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04 -> monotone 0.06
        double[] adjusted = HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void capsAtOneAndKeepsASingleTestUnchanged() {
        assertThat(HolmCorrection.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
        assertThat(HolmCorrection.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(HolmCorrection.adjust(new double[0])).isEmpty();
    }
}
