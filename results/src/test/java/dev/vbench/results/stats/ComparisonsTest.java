package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    @Test
    void comparesEveryOtherVariantOnSharedCells() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "randread", "read_iops", "IO/s", 1000, 1010, 990, 1005);
        add(samples, "fast", "randread", "read_iops", "IO/s", 2000, 2020, 1980, 2010);
        add(samples, "base", "randread", "read_clat_p99", "ns", 500, 510, 490, 505);
        add(samples, "fast", "randread", "read_clat_p99", "ns", 250, 255, 245, 252);
        add(samples, "slow", "randread", "read_iops", "IO/s", 500, 505, 495, 502);
        add(samples, "same", "randread", "read_iops", "IO/s", 1000, 1012, 988, 1003);
        add(samples, "fast", "only-fast", "read_iops", "IO/s", 1, 2);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));

        assertThat(comparisons).extracting(c -> c.candidate() + "/" + c.metric() + "/" + c.verdict().text())
                .containsExactly("fast/read_clat_p99/better", "fast/read_iops/better", "same/read_iops/no significant difference",
                        "slow/read_iops/worse");
        Comparison latency = comparisons.get(0);
        assertThat(latency.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(latency.gain().value()).isCloseTo(501.25 / 250.5, within(1e-12));
        Comparison slow = comparisons.get(3);
        assertThat(slow.gain().value()).isCloseTo(500.5 / 1001.25, within(1e-12));
        assertThat(slow.gain().ci95High()).isLessThan(1);
    }

    @Test
    void pValuesAreHolmCorrectedAcrossTheRun() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "w", "read_iops", "IO/s", 100, 104, 98, 101, 97);
        add(samples, "a", "w", "read_iops", "IO/s", 106, 110, 104, 108, 103);
        add(samples, "b", "w", "read_iops", "IO/s", 100, 103, 99, 102, 98);
        add(samples, "c", "w", "read_iops", "IO/s", 101, 105, 97, 100, 99);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));
        double[] raw = comparisons.stream().mapToDouble(Comparison::pValue).toArray();
        double[] holm = HolmCorrection.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertThat(comparisons.get(i).pHolm()).isEqualTo(holm[i]);
            assertThat(comparisons.get(i).pHolm()).isGreaterThanOrEqualTo(raw[i]);
        }
        // "a" is significant on its own (p < 0.05) but the verdict follows the corrected p-value
        Comparison a = comparisons.get(0);
        assertThat(a.candidate()).isEqualTo("a");
        assertThat(a.pValue()).isLessThan(0.05);
        assertThat(a.verdict()).isEqualTo(a.pHolm() < 0.05 ? ComparisonVerdict.BETTER
                : ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void singleSamplesAreNotTestedAndDoNotCountInTheCorrection() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "w", "read_iops", "IO/s", 100, 101, 99);
        add(samples, "one", "w", "read_iops", "IO/s", 300);
        add(samples, "two", "w", "read_iops", "IO/s", 150, 151, 149);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));
        Comparison one = comparisons.get(0);
        assertThat(one.pValue()).isNaN();
        assertThat(one.pHolm()).isNaN();
        assertThat(one.verdict()).isEqualTo(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(one.gain().value()).isEqualTo(3.0);
        Comparison two = comparisons.get(1);
        assertThat(two.pHolm()).isEqualTo(two.pValue());
    }

    private static void add(List<Sample> samples, String variant, String workload, String metric, String unit,
                            double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, workload, metric, unit, i + 1, values[i]));
        }
    }
}
