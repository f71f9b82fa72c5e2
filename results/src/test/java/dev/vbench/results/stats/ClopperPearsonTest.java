package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Clopper-Pearson against an independent computation: the bounds found by bisection on the exact binomial tail,
 * summed term by term in BigDecimal, and the closed forms at x = 0 and x = n.
 */
class ClopperPearsonTest {
    private static final MathContext MC = new MathContext(40);

    @Test
    void matchesTheExactBinomialTails() {
        int[][] cases = {{1, 20}, {3, 20}, {10, 20}, {19, 20}, {5, 7}, {1, 1}, {2, 50}, {0, 20}, {20, 20}, {0, 1}};
        for (int[] c : cases) {
            int x = c[0];
            int n = c[1];
            ClopperPearson ci = ClopperPearson.of(x, n, 0.95);
            double low = x == 0 ? 0 : bisect(p -> upperTail(x, n, p), 0.025, true);
            double high = x == n ? 1 : bisect(p -> lowerTail(x, n, p), 0.025, false);
            assertThat(ci.low()).as("low %d/%d", x, n).isCloseTo(low, within(1e-9));
            assertThat(ci.high()).as("high %d/%d", x, n).isCloseTo(high, within(1e-9));
            double oneSided = x == n ? 1 : bisect(p -> lowerTail(x, n, p), 0.05, false);
            assertThat(ClopperPearson.upperOneSided(x, n, 0.95)).isCloseTo(oneSided, within(1e-9));
        }
    }

    @Test
    void matchesTheClosedFormsAtTheEdges() {
        for (int n = 1; n <= 60; n++) {
            assertThat(ClopperPearson.of(0, n, 0.95).high()).isCloseTo(1 - Math.pow(0.025, 1.0 / n), within(1e-10));
            assertThat(ClopperPearson.upperOneSided(0, n, 0.95)).isCloseTo(1 - Math.pow(0.05, 1.0 / n),
                    within(1e-10));
            assertThat(ClopperPearson.of(n, n, 0.95).low()).isCloseTo(Math.pow(0.025, 1.0 / n), within(1e-10));
            assertThat(ClopperPearson.of(0, n, 0.95).low()).isZero();
            assertThat(ClopperPearson.of(n, n, 0.95).high()).isEqualTo(1);
        }
        // the rule of three: 20 clean trials bound the probability at about 3/20
        assertThat(ClopperPearson.upperOneSided(0, 20, 0.95)).isCloseTo(0.1391, within(1e-4));
    }

    @Test
    void aPositiveCountHasAPositiveLowerBound() {
        for (int n = 1; n <= 40; n++) {
            for (int x = 1; x <= n; x++) {
                ClopperPearson ci = ClopperPearson.of(x, n, 0.95);
                assertThat(ci.low()).as("%d/%d", x, n).isPositive().isLessThanOrEqualTo(ci.rate());
                assertThat(ci.high()).isGreaterThanOrEqualTo(ci.rate());
            }
        }
    }

    @Test
    void noTrialsIsTheWholeRangeAndBadCountsAreRefused() {
        ClopperPearson none = ClopperPearson.of(0, 0, 0.95);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isEqualTo(1);
        assertThat(none.rate()).isNaN();
        assertThatThrownBy(() -> ClopperPearson.of(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClopperPearson.of(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** P(X >= x) for X ~ binomial(n, p). */
    private static double upperTail(int x, int n, double p) {
        return sum(x, n, n, p);
    }

    /** P(X <= x). */
    private static double lowerTail(int x, int n, double p) {
        return sum(0, x, n, p);
    }

    private static double sum(int from, int to, int n, double p) {
        BigDecimal bp = new BigDecimal(p);
        BigDecimal q = BigDecimal.ONE.subtract(bp);
        BigDecimal total = BigDecimal.ZERO;
        for (int k = from; k <= to; k++) {
            BigDecimal choose = new BigDecimal(choose(n, k));
            total = total.add(choose.multiply(bp.pow(k, MC), MC).multiply(q.pow(n - k, MC), MC), MC);
        }
        return total.doubleValue();
    }

    private static BigInteger choose(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    /** The p in (0, 1) where the tail equals {@code target}; the tail rises with p when {@code rising}. */
    private static double bisect(java.util.function.DoubleUnaryOperator tail, double target, boolean rising) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            boolean below = tail.applyAsDouble(mid) < target;
            if (below == rising) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
