package dev.vbench.bench.plan;

/**
 * A plan or claims file (or a value in it) is invalid. The message is one line,
 * {@code FILE:LINE: KEY: problem (valid: ...)}, meant to be printed as it is; the command line maps this exception
 * to exit code 2 (configuration error).
 */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file    the plan file as the user named it
     * @param line    1-based line of the offending key or value, or 0 when no line applies (unreadable file)
     * @param key     the key path, e.g. {@code variants[1].disk.bus}, or {@code null} for the file as a whole
     * @param problem what is wrong and, where helpful, the valid values and a fix
     */
    public PlanException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        sb.append(problem);
        return OneLine.of(sb.toString());
    }

    /** The plan file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** Path of the offending key ({@code workloads[0].fio.bs}), or {@code null}. */
    public String key() {
        return key;
    }

    /** The problem without the location prefix. */
    public String problem() {
        return problem;
    }
}
