package dev.vbench.bench.run;

/** The run directory or an output file cannot be written: exit status 6. */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
