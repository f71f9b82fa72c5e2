package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The independent replicates of one cell, from which its interval and every test are computed: the boot means when
 * the cell has two boots or more, else the repetitions of its one boot.
 *
 * @param unit    what one replicate is
 * @param values  the replicates, in boot (or repetition) order
 * @param mean    their mean
 * @param sd      their sample standard deviation ({@code NaN} for one replicate)
 * @param sdFloor the smallest standard deviation used ({@link SpreadFloor}); 0 for raw values given directly
 */
public record Replicates(ReplicationUnit unit, List<Double> values, double mean, double sd, double sdFloor) {

    /** Copies the values. */
    public Replicates {
        values = List.copyOf(values);
    }

    /**
     * Replicates without a floor: each value is one replicate, as given.
     *
     * @param values the values, at least one
     * @return their replicates
     */
    public static Replicates raw(double[] values) {
        return of(ReplicationUnit.REPETITION, values, 0);
    }

    /**
     * @param unit    what a replicate is
     * @param values  the replicates, at least one
     * @param sdFloor the floor of their standard deviation
     * @return the replicates
     */
    public static Replicates of(ReplicationUnit unit, double[] values, double sdFloor) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no replicates");
        }
        double sd = values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
        return new Replicates(unit, Arrays.stream(values).boxed().toList(), new Mean().evaluate(values), sd,
                sdFloor);
    }

    /** @return the number of replicates */
    public int n() {
        return values.size();
    }

    /** @return the standard deviation used: {@link #sd()}, raised to {@link #sdFloor()} */
    public double effectiveSd() {
        return Math.max(sd, sdFloor);
    }

    /** @return whether the floor replaced a smaller standard deviation */
    public boolean floored() {
        return sd < sdFloor;
    }

    /** @return the squared standard error of the mean, effective sd² / n ({@code NaN} for one replicate) */
    public double squaredStandardError() {
        return n() < 2 ? Double.NaN : effectiveSd() * effectiveSd() / n();
    }
}
