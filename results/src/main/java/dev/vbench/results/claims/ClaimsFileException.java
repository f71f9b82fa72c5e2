package dev.vbench.results.claims;

import dev.vbench.results.ResultsInputException;

/** A claims file that cannot be used: the message is {@code file:line: key: problem}. */
public final class ClaimsFileException extends ResultsInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file as named by the caller
     * @param line    1-based line of the problem
     * @param key     the key concerned ({@code syntax} for YAML syntax errors)
     * @param problem what is wrong and how to fix it
     */
    public ClaimsFileException(String file, int line, String key, String problem) {
        super(file + ":" + line + ": " + key + ": " + problem);
    }
}
