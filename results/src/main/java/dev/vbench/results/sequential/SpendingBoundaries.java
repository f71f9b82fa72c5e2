package dev.vbench.results.sequential;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.special.Erf;

/**
 * Two-sided symmetric group-sequential boundaries by Lan and DeMets' alpha spending (1983) with the
 * O'Brien-Fleming-type function, each side spending alpha / 2 as alpha*(t) = 2 - 2 Phi(z(1 - alpha / 4) / sqrt(t))
 * by information fraction t, at K equally spaced looks (t = k / K). Look k rejects when |Z_k| &gt;= c_k, the c_k
 * chosen so that a true null is rejected by look k with probability exactly the alpha spent by then (both sides).
 *
 * <p>Computed numerically, not simulated: the density of the score S_k = Z_k sqrt(t_k) on the continuation region
 * is carried from look to look by Simpson's rule on {@value #GRID} intervals (Armitage, McPherson and Rowe 1969;
 * Jennison and Turnbull 2000, ch. 19), and each c_k is found by bisection. Deterministic, a few milliseconds, and
 * cached per (K, alpha). For K = 5 and alpha = 0.05 it gives 4.877, 3.357, 2.680, 2.290, 2.031, the published
 * values; K = 1 gives 1.960.
 */
final class SpendingBoundaries {
    /** Simpson intervals over each look's continuation region (even). */
    static final int GRID = 400;

    private static final Map<List<Double>, double[]> CACHE = new ConcurrentHashMap<>();

    private SpendingBoundaries() {
    }

    /**
     * @param looks K, at least 1
     * @param alpha the two-sided level, in (0, 1)
     * @return c_1 .. c_K on the standard normal scale (a copy)
     */
    static double[] obrienFleming(int looks, double alpha) {
        return CACHE.computeIfAbsent(List.of((double) looks, alpha), k -> compute(looks, alpha)).clone();
    }

    /**
     * @param t     information fraction, in (0, 1]
     * @param alpha two-sided level
     * @return the alpha spent by {@code t}, both sides
     */
    static double spent(double t, double alpha) {
        return 4 * upper(inverseUpper(alpha / 4) / Math.sqrt(t));
    }

    /** @return P(Z &gt; x) for a standard normal Z, accurate far into the tail */
    static double upper(double x) {
        return 0.5 * Erf.erfc(x / Math.sqrt(2));
    }

    /** @return x with P(Z &gt; x) = p, by bisection (accurate for any p a double holds) */
    static double inverseUpper(double p) {
        double low = -40;
        double high = 40;
        for (int i = 0; i < 200 && high - low > 1e-13; i++) {
            double mid = (low + high) / 2;
            if (upper(mid) > p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double[] compute(int looks, double alpha) {
        double[] c = new double[looks];
        double[] grid = null;
        double[] density = null;
        double previousT = 0;
        double previousSpent = 0;
        for (int k = 0; k < looks; k++) {
            double t = (k + 1) / (double) looks;
            double target = spent(t, alpha) - previousSpent;
            if (k == 0) {
                c[0] = inverseUpper(target / 2);
            } else {
                c[k] = solve(grid, density, t, t - previousT, target);
            }
            double[] next = points(c[k] * Math.sqrt(t));
            double[] nextDensity = new double[next.length];
            for (int j = 0; j < next.length; j++) {
                nextDensity[j] = k == 0 ? phi(next[j], t) : integrate(grid, density, next[j], t - previousT);
            }
            grid = next;
            density = nextDensity;
            previousT = t;
            previousSpent += target;
        }
        return c;
    }

    /** The boundary at which the probability of leaving the region at this look is {@code target}. */
    private static double solve(double[] grid, double[] density, double t, double step, double target) {
        double low = 0;
        double high = 40;
        for (int i = 0; i < 200 && high - low > 1e-12; i++) {
            double mid = (low + high) / 2;
            if (exit(grid, density, mid * Math.sqrt(t), Math.sqrt(step)) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double exit(double[] grid, double[] density, double bound, double sd) {
        double[] f = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            f[j] = density[j] * (upper((bound - grid[j]) / sd) + upper((bound + grid[j]) / sd));
        }
        return simpson(f, grid[1] - grid[0]);
    }

    private static double integrate(double[] grid, double[] density, double s, double step) {
        double[] f = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            f[j] = density[j] * phi(s - grid[j], step);
        }
        return simpson(f, grid[1] - grid[0]);
    }

    private static double[] points(double half) {
        double[] x = new double[GRID + 1];
        for (int j = 0; j <= GRID; j++) {
            x[j] = -half + 2 * half * j / GRID;
        }
        return x;
    }

    /** @return the normal density of mean 0 and the given variance at x */
    private static double phi(double x, double variance) {
        return Math.exp(-x * x / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
    }

    private static double simpson(double[] f, double h) {
        double sum = f[0] + f[f.length - 1];
        for (int j = 1; j < f.length - 1; j++) {
            sum += (j % 2 == 1 ? 4 : 2) * f[j];
        }
        return sum * h / 3;
    }
}
