package dev.vbench.bench.plan;

/**
 * A spec record was given a value outside its range or an inconsistent combination. {@link #key()} names the
 * offending field in plan spelling ({@code iodepth}, {@code rwmixread}), so a plan parser can point at its line.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidSpecException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The field in plan spelling, e.g. {@code bs}. */
    public String key() {
        return key;
    }

    /** The problem without the key. */
    public String problem() {
        return problem;
    }

    /** The shortest plain spelling of a number: {@code 2.0 -> 2}, {@code 1.25 -> 1.25}. */
    static String decimal(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static void checkRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSpecException(key, value + " is out of range (valid: " + min + ".." + max + ")");
        }
    }
}
