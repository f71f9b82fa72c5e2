package dev.vbench.results.history;

import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.RatioTest;
import dev.vbench.results.stats.Replicates;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A test of tonight's value against a baseline, on the ratio tonight / baseline, with the interval dual to it: the
 * interval with {@code tail} in each tail holds exactly the ratios g whose one-sided tests at level {@code tail}
 * both fail to reject.
 */
interface TonightTest {

    /** @return tonight / baseline */
    double ratio();

    /** @return the one-sided p-value of "the ratio is at least 1" against "below 1" */
    double pBelow();

    /** @return the one-sided p-value of "the ratio is at most 1" against "above 1" */
    double pAbove();

    /**
     * @param tail the probability in each tail, in (0, 0.5)
     * @return {low, high}; both {@code NaN} when the interval is unbounded
     */
    double[] interval(double tail);

    /**
     * The prediction test of one new night against n earlier nights with mean m and standard deviation s: for a
     * ratio g, t(g) = (x - g m) / (s sqrt(1 + g² / n)) on n - 1 degrees of freedom (at g = 1 the usual prediction
     * statistic (x - m) / (s sqrt(1 + 1/n))), and Fieller's interval: the roots of (x - g m)² = c² s² (1 + g² / n).
     *
     * @param x     tonight's value
     * @param mean  the baseline nights' mean, positive
     * @param sd    their standard deviation
     * @param n     their number, at least 2
     */
    record Prediction(double x, double mean, double sd, int n) implements TonightTest {

        @Override
        public double ratio() {
            return x / mean;
        }

        private double t() {
            return (x - mean) / (sd * Math.sqrt(1 + 1.0 / n));
        }

        @Override
        public double pBelow() {
            if (sd == 0) {
                return x < mean ? 0 : x > mean ? 1 : 0.5;
            }
            return new TDistribution(null, n - 1).cumulativeProbability(t());
        }

        @Override
        public double pAbove() {
            if (sd == 0) {
                return x > mean ? 0 : x < mean ? 1 : 0.5;
            }
            return new TDistribution(null, n - 1).cumulativeProbability(-t());
        }

        @Override
        public double[] interval(double tail) {
            double c = -new TDistribution(null, n - 1).inverseCumulativeProbability(tail);
            double spread = c * c * sd * sd;
            double a = mean * mean - spread / n;
            if (!(a > 0)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double root = Math.sqrt(spread * (a + x * x / n));
            return new double[] {(x * mean - root) / a, (x * mean + root) / a};
        }
    }

    /**
     * Welch's test of tonight's boot means against the baseline's boot means, with Fieller's interval
     * ({@link RatioTest}).
     *
     * @param test the ratio test, tonight as numerator
     */
    record Boots(RatioTest test) implements TonightTest {

        /**
         * @param tonight  tonight's boot means, at least 2
         * @param baseline the baseline's boot means, at least 2
         * @return the test
         */
        static Boots of(double[] tonight, double[] baseline) {
            return new Boots(new RatioTest(Replicates.raw(tonight), Replicates.raw(baseline), "baseline"));
        }

        @Override
        public double ratio() {
            return test.ratio();
        }

        @Override
        public double pBelow() {
            return test.pBelow(1);
        }

        @Override
        public double pAbove() {
            return test.pAbove(1);
        }

        @Override
        public double[] interval(double tail) {
            Gain gain = test.interval(1 - 2 * tail);
            return new double[] {gain.low(), gain.high()};
        }
    }
}
