package dev.vbench.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Locale-independent decimal text for machine-readable output. Independent of {@link Double#toString(double)},
 * whose output changed between JDK releases, so files are byte-identical on every JDK and default locale.
 */
public final class DecimalText {
    private static final BigDecimal PLAIN_MIN = new BigDecimal("1e-6");
    private static final BigDecimal PLAIN_MAX = new BigDecimal("1e16");

    private DecimalText() {
    }

    /**
     * The shortest decimal that reads back as exactly {@code value}: {@code 5181}, {@code 0.1}, {@code 1.5E-9}.
     * Plain notation between 1e-6 and 1e16, scientific (BigDecimal style, {@code 1E+20}) outside.
     *
     * @param value a finite number
     * @return its shortest round-trip text
     */
    public static String shortest(double value) {
        requireFinite(value);
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal candidate = exact.round(new MathContext(digits, mode));
                if (candidate.doubleValue() == value) {
                    return text(candidate);
                }
            }
        }
        throw new AssertionError("17 significant digits always round-trip a double: " + exact);
    }

    /**
     * {@code value} rounded (half-even) to {@code digits} significant digits, as text like {@link #shortest}.
     *
     * @param value  a finite number
     * @param digits significant digits, 1 to 17
     * @return the rounded text, e.g. {@code significant(2.0/3, 6)} is {@code 0.666667}
     */
    public static String significant(double value, int digits) {
        requireFinite(value);
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be 1..17, got " + digits);
        }
        if (value == 0) {
            return "0";
        }
        return text(new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    private static String text(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(PLAIN_MIN) >= 0 && magnitude.compareTo(PLAIN_MAX) < 0) {
            return stripped.toPlainString();
        }
        return stripped.toString();
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
    }
}
