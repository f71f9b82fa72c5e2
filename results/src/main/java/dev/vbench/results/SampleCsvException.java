package dev.vbench.results;

/** A samples CSV file that cannot be read: the message is {@code file:line: problem}. */
public final class SampleCsvException extends ResultsInputException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file name as given by the caller (or a description such as {@code <string>})
     * @param line    1-based line where the offending record starts
     * @param problem what is wrong
     */
    public SampleCsvException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file as named by the caller */
    public String file() {
        return file;
    }

    /** @return the 1-based line where the offending record starts */
    public int line() {
        return line;
    }

    /** @return the problem, without file and line */
    public String problem() {
        return problem;
    }
}
