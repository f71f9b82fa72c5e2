package dev.vbench.results.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Sample;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.stats.Cell;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimEvaluatorTest {
    private final List<Sample> samples = new ArrayList<>();

    @Test
    void supportedWhenTheLowerBoundReachesTheMinimum() {
        add("ide", 1000, 1010, 990);
        add("virtio", 2000, 2020, 1980);
        ClaimResult result = evaluate(claim("virtio", 1.5));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(result.gain().value()).isEqualTo(2.0);
        assertThat(result.gain().ci95Low()).isGreaterThanOrEqualTo(1.5);
        assertThat(result.reason()).startsWith("gain 2x, 95% interval [").endsWith("] is at or above the claimed minimum 1.5");
    }

    @Test
    void refutedWhenTheUpperBoundIsBelowTheMinimum() {
        add("ide", 1000, 1010, 990);
        add("virtio", 1200, 1210, 1190);
        ClaimResult result = evaluate(claim("virtio", 1.5));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(result.gain().ci95High()).isLessThan(1.5);
        assertThat(result.reason()).endsWith("is below the claimed minimum 1.5");
    }

    @Test
    void inconclusiveWhenTheIntervalContainsTheMinimum() {
        add("ide", 1000, 1300, 700);
        add("virtio", 1500, 1900, 1100);
        ClaimResult result = evaluate(claim("virtio", 1.5));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(result.gain().ci95Low()).isLessThan(1.5);
        assertThat(result.gain().ci95High()).isGreaterThanOrEqualTo(1.5);
        assertThat(result.reason()).endsWith("contains the claimed minimum 1.5; more repetitions may decide");
    }

    @Test
    void lowerIsBetterMetricsUseTheInvertedGain() {
        for (int i = 0; i < 3; i++) {
            samples.add(new Sample("ide", "randread", "read_clat_p99", "ns", i, 900 + 10 * i));
            samples.add(new Sample("virtio", "randread", "read_clat_p99", "ns", i, 300 + 5 * i));
        }
        Claim halves = new Claim("lat", "halves latency", "ide", "virtio", "randread", "read_clat_p99", 2);
        ClaimResult result = evaluate(halves);
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(result.gain().value()).isEqualTo(910.0 / 305);
    }

    @Test
    void inconclusiveWithAReasonWhenDataAreMissingOrTooFew() {
        add("ide", 1000, 1010, 990);
        add("one", 2000);
        assertThat(evaluate(claim("nowhere", 1.5))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
            assertThat(r.reason()).isEqualTo("no samples for nowhere / randread / read_iops");
            assertThat(r.gain().value()).isNaN();
        });
        assertThat(ClaimEvaluator.evaluate(claim("broken", 1.5), Cell.group(samples),
                List.of(new VariantFailure("broken", "domain failed to start: no space left"))).reason())
                .isEqualTo("variant broken failed: domain failed to start: no space left");
        assertThat(evaluate(claim("one", 1.5))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
            assertThat(r.reason()).isEqualTo("one has n = 1 sample; at least 2 per side are needed");
            assertThat(r.gain().value()).isEqualTo(2.0);
        });
    }

    private ClaimResult evaluate(Claim claim) {
        return ClaimEvaluator.evaluate(claim, Cell.group(samples), List.of());
    }

    private static Claim claim(String candidate, double minGain) {
        return new Claim("c", "claim", "ide", candidate, "randread", "read_iops", minGain);
    }

    private void add(String variant, double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, "randread", "read_iops", "IO/s", i, values[i]));
        }
    }
}
