package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    /**
     * a = 1..5 and b = 3..7: means differ by 2, both variances 2.5, so se = sqrt(2.5/5 + 2.5/5) = 1, t = 2 and the
     * Welch-Satterthwaite df = 1 / (0.5²/4 + 0.5²/4) = 8. For an even df the t distribution has a closed form
     * (Abramowitz and Stegun 26.7.3): P(|T| < t) = sin(q) (1 + cos²q/2 + 1·3 cos⁴q/(2·4) + 1·3·5 cos⁶q/(2·4·6)),
     * q = atan(t / sqrt(df)), which gives the two-sided p = 0.080516 independently of Commons Math.
     */
    @Test
    void matchesTheClosedFormForEightDegreesOfFreedom() {
        double q = Math.atan(2 / Math.sqrt(8));
        double c2 = Math.cos(q) * Math.cos(q);
        double inside = Math.sin(q) * (1 + c2 / 2 + 3 * c2 * c2 / 8 + 15 * c2 * c2 * c2 / 48);
        double expected = 1 - inside;
        assertThat(expected).isCloseTo(0.080516, within(1e-6));
        assertThat(WelchTest.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {3, 4, 5, 6, 7}))
                .isCloseTo(expected, within(1e-9));
    }

    /**
     * a = 10 five times (variance 0), b = 1..5 (variance 2.5): se = sqrt(2.5/5), t = 7 / sqrt(0.5) = 9.899495 and
     * Welch's df = n_b - 1 = 4 (Student's pooled test would use 8 and a different se). Closed form for df = 4:
     * P(|T| < t) = sin(q) (1 + cos²q/2).
     */
    @Test
    void unequalVariancesUseWelchDegreesOfFreedom() {
        double t = 7 / Math.sqrt(0.5);
        double q = Math.atan(t / 2);
        double expected = 1 - Math.sin(q) * (1 + Math.cos(q) * Math.cos(q) / 2);
        assertThat(WelchTest.pValue(new double[] {10, 10, 10, 10, 10}, new double[] {1, 2, 3, 4, 5}))
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void constantSamplesAreDegenerate() {
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {5, 5, 5})).isEqualTo(1.0);
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {6, 6})).isEqualTo(0.0);
    }
}
