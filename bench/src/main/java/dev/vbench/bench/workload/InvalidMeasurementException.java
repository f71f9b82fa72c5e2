package dev.vbench.bench.workload;

/**
 * A tool ran, but what it reported is not a valid measurement: its own error field or message, no I/O or no data
 * moved, an incomplete report. The message is one line and quotes the tool's own reason where there is one. An
 * invalid measurement is recorded as a failure with this reason, never as a number.
 */
public class InvalidMeasurementException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the problem, with the tool's own message where it gave one
     */
    public InvalidMeasurementException(String message) {
        super(OneLine.of(message));
    }
}
