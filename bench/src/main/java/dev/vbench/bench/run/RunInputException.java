package dev.vbench.bench.run;

/** A run cannot start as asked (the output directory holds another run, nothing to resume...): exit status 2. */
public final class RunInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunInputException(String message) {
        super(message);
    }
}
