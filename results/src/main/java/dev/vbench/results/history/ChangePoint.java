package dev.vbench.results.history;

import java.util.Objects;

/**
 * A shift in a series found by change-point detection, stored with the algorithm's version and parameters; once
 * stored it never changes (a later analysis may add change points, never move or remove one).
 *
 * @param seriesId  the series' id
 * @param runId     the first night after the shift
 * @param before    the mean of the night values of the segment before it
 * @param after     the mean of the night values of the segment after it
 * @param ratio     {@code after / before}
 * @param low       lower end of the ratio's 95% interval
 * @param high      upper end of the ratio's 95% interval
 * @param pValue    the significance test's p-value
 * @param algorithm the algorithm and its version, e.g. {@code e-divisive-means/1}
 * @param params    the parameters, as {@code key=value} pairs separated by commas, in key order
 */
public record ChangePoint(String seriesId, String runId, double before, double after, double ratio, double low,
        double high, double pValue, String algorithm, String params) {

    /** Checks that the ids and the algorithm are present. */
    public ChangePoint {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(params, "params");
    }
}
