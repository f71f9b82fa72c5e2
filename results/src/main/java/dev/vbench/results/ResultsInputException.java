package dev.vbench.results;

/**
 * Bad input to the results module: a malformed samples CSV, claims file, unit or inconsistent sample set. The
 * message is one line that names the problem and, where there is one, the file and line. A command line maps
 * every subclass to the "bad input" exit status without printing a stack trace.
 */
public class ResultsInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the problem and how to fix it
     */
    public ResultsInputException(String message) {
        super(message);
    }
}
