package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void stepUpByHand() {
        // sorted: 0.005 x4/1 = 0.02; 0.01 x4/2 = 0.02; 0.03 x4/3 = 0.04; 0.04 x4/4 = 0.04; minimum from the top down
        double[] p = {0.01, 0.04, 0.03, 0.005};
        double[] adjusted = BenjaminiHochberg.adjust(p);
        assertThat(adjusted[0]).isCloseTo(0.02, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
        // q = 0.03: 0.04 > 0.03 x 4/4, 0.03 > 0.03 x 3/4, 0.01 <= 0.03 x 2/4: two rejections
        assertThat(BenjaminiHochberg.rejections(p, 0.03)).isEqualTo(2);
        assertThat(BenjaminiHochberg.rejections(p, 0.04)).isEqualTo(4);
        assertThat(BenjaminiHochberg.rejections(p, 0.01)).isZero();
    }

    @Test
    void aLargerPValueLiftsSmallerOnesOverTheirOwnThreshold() {
        // 0.02 > 0.05 x 1/3 but 0.03 <= 0.05 x 3/3 rejects all three: the step-up, not the step-down
        double[] p = {0.03, 0.02, 0.025};
        assertThat(BenjaminiHochberg.rejections(p, 0.05)).isEqualTo(3);
        assertThat(BenjaminiHochberg.adjust(p)).containsExactly(0.03, 0.03, 0.03);
    }

    @Test
    void aSingleTestIsUnchangedAndNoAdjustedValueExceedsTheLargestPValue() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.6, 0.9})).containsExactly(0.9, 0.9);
        assertThat(BenjaminiHochberg.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThat(BenjaminiHochberg.rejections(new double[0], 0.05)).isZero();
    }

    @Test
    void theAdjustedPValuesRejectExactlyTheStepUpsHypotheses() {
        Random random = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            double[] p = new double[1 + random.nextInt(30)];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextBoolean() ? random.nextDouble() : random.nextDouble() * 0.01;
            }
            double q = 0.01 + 0.1 * random.nextDouble();
            int rejections = BenjaminiHochberg.rejections(p, q);
            assertThat(Arrays.stream(BenjaminiHochberg.adjust(p)).filter(a -> a <= q).count()).isEqualTo(rejections);
            double level = q * rejections / p.length;
            assertThat(Arrays.stream(p).filter(x -> x <= level).count()).isEqualTo(rejections);
        }
    }
}
