package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void shortestIsTheShortestTextThatReadsBack() {
        assertThat(DecimalText.shortest(5181.0)).isEqualTo("5181");
        assertThat(DecimalText.shortest(0.1)).isEqualTo("0.1");
        assertThat(DecimalText.shortest(-2.5)).isEqualTo("-2.5");
        assertThat(DecimalText.shortest(0.0)).isEqualTo("0");
        assertThat(DecimalText.shortest(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(DecimalText.shortest(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(DecimalText.shortest(2.35e9)).isEqualTo("2350000000");
        assertThat(DecimalText.shortest(1.5e-9)).isEqualTo("1.5E-9");
        assertThat(DecimalText.shortest(1e20)).isEqualTo("1E+20");
        assertThat(DecimalText.shortest(Double.MIN_VALUE)).isEqualTo("5E-324");
        assertThat(DecimalText.shortest(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E+308");
        // JDK-4511638: Java 17's Double.toString prints 2.82879384806159008E17 (18 digits) for this one
        assertThat(DecimalText.shortest(2.82879384806159E17)).isEqualTo("2.82879384806159E+17");
        assertThat(DecimalText.shortest(1.0E16)).isEqualTo("1E+16");
        assertThat(DecimalText.shortest(9.999999999999998E15)).isEqualTo("9999999999999998");
        assertThat(DecimalText.shortest(1.0E-6)).isEqualTo("0.000001");
        assertThat(DecimalText.shortest(9.9E-7)).isEqualTo("9.9E-7");
    }

    @Test
    void everyDoubleReadsBackExactly() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = DecimalText.shortest(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(text.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length()).isLessThanOrEqualTo(17 + 3);
        }
    }

    @Test
    void significantRoundsHalfEven() {
        assertThat(DecimalText.significant(2.0 / 3, 6)).isEqualTo("0.666667");
        assertThat(DecimalText.significant(4840110.4, 6)).isEqualTo("4840110");
        assertThat(DecimalText.significant(0.0402834, 3)).isEqualTo("0.0403");
        assertThat(DecimalText.significant(1.25, 2)).isEqualTo("1.2");
        assertThat(DecimalText.significant(3.2e-12, 6)).isEqualTo("3.2E-12");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> DecimalText.shortest(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecimalText.significant(Double.POSITIVE_INFINITY, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
