package dev.vbench.results.stats;

import dev.vbench.results.ResultsInputException;

/** A metric whose unit says neither "higher is better" nor "lower is better". */
public final class UnknownUnitException extends ResultsInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param metric the metric name
     * @param unit   its unknown unit
     */
    public UnknownUnitException(String metric, String unit) {
        super("metric " + metric + ": unknown unit '" + unit + "'; use a time unit (ns, us, ms, s: lower is better), "
                + "a rate ending in /s (IO/s, B/s, bit/s: higher is better), % or count (lower is better)");
    }
}
