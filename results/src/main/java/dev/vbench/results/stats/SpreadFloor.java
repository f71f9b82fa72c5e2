package dev.vbench.results.stats;

import java.util.stream.IntStream;

/**
 * The smallest standard deviation a cell's intervals and tests use, so that constant or quantised samples never
 * give certainty (two equal values would otherwise give a zero-width interval and p = 0): the larger of
 * <ul>
 *   <li>{@value #RELATIVE} of |mean| (0.1%): no benchmark on a virtual machine repeats to better than that (the
 *       noise measured on the lab is 1-5%), so the floor changes no real interval; and</li>
 *   <li>half a unit of the last digit the values are reported to (0.5 for whole numbers, 0.05 for one decimal),
 *       the rounding every reported value already carries; it keeps a floor when the mean is 0 (a count of 0
 *       retransmits).</li>
 * </ul>
 */
public final class SpreadFloor {
    /** The relative part of the floor, a fraction of |mean|. */
    public static final double RELATIVE = 0.001;

    private static final int MAX_DECIMALS = 17;
    private static final double[] POWERS = IntStream.rangeClosed(0, MAX_DECIMALS)
            .mapToDouble(i -> Math.pow(10, i)).toArray();

    private SpreadFloor() {
    }

    /**
     * @param values the samples (their last reported digit sets the resolution part)
     * @param mean   the mean the relative part is taken of
     * @return the floor, above 0
     */
    public static double of(double[] values, double mean) {
        return Math.max(RELATIVE * Math.abs(mean), quantum(values) / 2);
    }

    /**
     * @param values samples
     * @return the unit of the last decimal digit they are written to (the fewest decimals that give each value back
     *         exactly), at most 1 (whole numbers)
     */
    static double quantum(double[] values) {
        int decimals = 0;
        for (double v : values) {
            while (decimals < MAX_DECIMALS && Math.rint(v * POWERS[decimals]) / POWERS[decimals] != v) {
                decimals++;
            }
        }
        return 1 / POWERS[decimals];
    }
}
