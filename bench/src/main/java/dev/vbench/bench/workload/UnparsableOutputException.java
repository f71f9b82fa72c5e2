package dev.vbench.bench.workload;

/**
 * The text is not the tool's report at all: no JSON in it, or JSON without the fields the tool always writes
 * (for example a file of another tool was given). A kind of {@link InvalidMeasurementException}, because inside a
 * run it means the same thing; {@code vbench import} tells it apart and treats it as bad input.
 */
public final class UnparsableOutputException extends InvalidMeasurementException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming what is missing
     */
    public UnparsableOutputException(String message) {
        super(message);
    }
}
