package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioTestTest {

    /**
     * Candidate 10 five times (variance 0), baseline 1..5 (mean 3, variance 2.5, vb = 0.5): the gain is 10/3 and
     * Welch-Satterthwaite's df at it is (r² vb)² / (r⁴ vb² / 4) = 4. Testing gain = 2: t = (10 - 2 x 3) / sqrt(4 x 0.5)
     * = 2.828427; for df = 4 the t distribution has a closed form (Abramowitz and Stegun 26.7.3),
     * P(|T| &lt; t) = sin(q) (1 + cos²q / 2), q = atan(t / 2), independent of Commons Math.
     */
    @Test
    void theTestOfAGainMatchesTheClosedFormForFourDegreesOfFreedom() {
        RatioTest test = RatioTest.of(Replicates.raw(new double[] {1, 2, 3, 4, 5}),
                Replicates.raw(new double[] {10, 10, 10, 10, 10}), Direction.HIGHER_IS_BETTER);
        assertThat(test.df()).isCloseTo(4, within(1e-12));
        double t = 4 / Math.sqrt(2);
        assertThat(test.t(2)).isCloseTo(t, within(1e-12));
        double q = Math.atan(t / 2);
        double expected = 1 - Math.sin(q) * (1 + Math.cos(q) * Math.cos(q) / 2);
        assertThat(test.pTwoSided(2)).isCloseTo(expected, within(1e-9));
        assertThat(test.pAbove(2)).isCloseTo(expected / 2, within(1e-9));
        assertThat(test.pBelow(2)).isCloseTo(1 - expected / 2, within(1e-9));
    }

    @Test
    void atGainOneTheStatisticIsWelchs() {
        double[] base = {100, 104, 98, 101, 97};
        double[] cand = {106, 110, 104, 108, 103};
        // Welch: (mean_c - mean_b) / sqrt(s_c²/5 + s_b²/5) = (106.2 - 100) / sqrt(8.2/5 + 7.5/5)
        RatioTest test = RatioTest.of(Replicates.raw(base), Replicates.raw(cand), Direction.HIGHER_IS_BETTER);
        assertThat(test.t(1)).isCloseTo(6.2 / Math.sqrt(15.7 / 5), within(1e-12));
    }

    /** The interval is the set of gains the test does not reject: at each bound the p-value is 1 - confidence. */
    @Test
    void theIntervalIsDualToTheTest() {
        Random random = new Random(61);
        for (int i = 0; i < 200; i++) {
            double[] base = new double[2 + random.nextInt(5)];
            double[] cand = new double[2 + random.nextInt(5)];
            for (int j = 0; j < base.length; j++) {
                base[j] = 1000 * (1 + 0.05 * random.nextGaussian());
            }
            for (int j = 0; j < cand.length; j++) {
                cand[j] = 1500 * (1 + 0.1 * random.nextGaussian());
            }
            Direction direction = random.nextBoolean() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
            RatioTest test = RatioTest.of(Replicates.raw(base), Replicates.raw(cand), direction);
            double confidence = 1 - 0.05 / (1 + random.nextInt(10));
            Gain gain = test.interval(confidence);
            if (gain.hasInterval()) {
                assertThat(test.pTwoSided(gain.low())).isCloseTo(1 - confidence, within(1e-7));
                assertThat(test.pTwoSided(gain.high())).isCloseTo(1 - confidence, within(1e-7));
                assertThat(test.pAbove(gain.low())).isCloseTo((1 - confidence) / 2, within(1e-7));
            }
        }
    }

    @Test
    void constantReplicatesWithoutAFloorAreDegenerate() {
        RatioTest same = RatioTest.of(Replicates.raw(new double[] {5, 5}), Replicates.raw(new double[] {5, 5, 5}),
                Direction.HIGHER_IS_BETTER);
        assertThat(same.pTwoSided(1)).isEqualTo(1.0);
        RatioTest differ = RatioTest.of(Replicates.raw(new double[] {5, 5}), Replicates.raw(new double[] {6, 6}),
                Direction.HIGHER_IS_BETTER);
        assertThat(differ.pTwoSided(1)).isEqualTo(0.0);
    }
}
