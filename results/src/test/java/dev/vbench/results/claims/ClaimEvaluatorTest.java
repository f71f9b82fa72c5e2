package dev.vbench.results.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Sample;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.stats.Cell;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimEvaluatorTest {
    private final List<Sample> samples = new ArrayList<>();

    @Test
    void supportedWhenTheIntervalLiesAboveTheMinimum() {
        add("ide", 1000, 1010, 990);
        add("virtio", 2000, 2020, 1980);
        ClaimResult result = evaluate(claim("virtio", 1.5));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(result.gain().value()).isEqualTo(2.0);
        assertThat(result.gain().low()).isGreaterThan(1.5);
        assertThat(result.gain().confidence()).isEqualTo(0.95);
        assertThat(result.reason()).startsWith("gain 2x, 95% interval [")
                .endsWith("] is above the claimed minimum 1.5 (decided with 1 claim by Holm's procedure)");
        assertThat(result.pValue()).isLessThan(0.05);
        assertThat(result.wouldNeed()).isEmpty();
    }

    @Test
    void refutedWhenTheIntervalLiesBelowTheMinimum() {
        add("ide", 1000, 1010, 990);
        add("virtio", 1200, 1210, 1190);
        ClaimResult result = evaluate(claim("virtio", 1.5));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(result.gain().high()).isLessThan(1.5);
        assertThat(result.reason()).contains("is below the claimed minimum 1.5");
    }

    @Test
    void inconclusiveWhenTheIntervalContainsTheMinimumSaysWhatWouldDecideIt() {
        add("ide", 1000, 1300, 700);
        add("virtio", 1500, 1900, 1100);
        ClaimResult result = evaluate(claim("virtio", 1.2));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(result.gain().low()).isLessThan(1.2);
        assertThat(result.gain().high()).isGreaterThanOrEqualTo(1.2);
        assertThat(result.reason()).contains("contains the claimed minimum 1.2");
        assertThat(result.wouldNeed()).matches("about (\\d+) boots x 3 repetitions per variant, \\d+ more than the 1 taken \\(80% power at the "
                + "observed gain and noise\\) \\(boot-to-boot noise not measured with one boot: it may take more\\)");
    }

    @Test
    void claimsAreOneFamilyDecidedByHolmAndEachIntervalIsAtItsDecisionLevel() {
        add("ide", 1000, 1010, 990, 1005);
        add("fast", 2000, 2020, 1980, 2010);
        add("mild", 1060, 1100, 1030, 1080);
        add("same", 1000, 1030, 975, 1010);
        List<Claim> claims = List.of(claim("fast", 1.5), claim("mild", 1.0), claim("same", 1.0));
        List<ClaimResult> results = ClaimEvaluator.evaluate(claims, Cell.group(samples), List.of());
        // "fast" is decided first at 0.05 / 3; "mild" is at 0.05 / 2 if its interval at 97.5% clears 1, else the
        // procedure stops there and both remaining claims are shown at 97.5%.
        ClaimResult fast = results.get(0);
        assertThat(fast.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(fast.gain().confidence()).isCloseTo(1 - 0.05 / 3, within(1e-15));
        assertThat(fast.reason()).contains("98.33% interval").endsWith("(decided with 3 claims by Holm's procedure)");
        ClaimResult same = results.get(2);
        assertThat(same.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        double level = results.get(1).verdict() == ClaimVerdict.SUPPORTED ? 0.05 : 0.05 / 2;
        assertThat(same.gain().confidence()).isCloseTo(1 - level, within(1e-15));
        assertThat(results).allSatisfy(r -> assertThat(r.pHolm()).isGreaterThanOrEqualTo(r.pValue()));
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
    void identicalSamplesNeverGiveCertainty() {
        add("ide", 1000, 1000);
        add("virtio", 1000, 1000);
        ClaimResult result = evaluate(claim("virtio", 1.0));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(result.gain().high()).isGreaterThan(result.gain().low());
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void inconclusiveWithAReasonWhenDataAreMissingOrTooFew() {
        add("ide", 1000, 1010, 990);
        add("one", 2000);
        assertThat(evaluate(claim("nowhere", 1.5))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
            assertThat(r.reason()).isEqualTo("no samples for nowhere / randread / read_iops");
            assertThat(r.gain().value()).isNaN();
            assertThat(r.wouldNeed()).isEmpty();
        });
        assertThat(ClaimEvaluator.evaluate(claim("broken", 1.5), Cell.group(samples),
                List.of(new VariantFailure("broken", "domain failed to start: no space left"))).reason())
                .isEqualTo("variant broken failed: domain failed to start: no space left");
        assertThat(evaluate(claim("one", 1.5))).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
            assertThat(r.reason()).isEqualTo("one has 1 repetition; at least 2 per side are needed");
            assertThat(r.gain().value()).isEqualTo(2.0);
        });
    }

    @Test
    void withTwoBootsOrMoreTheBootMeansAreTheReplicates() {
        // boot means: ide 1000, 1100; virtio 2000, 2100. Repetitions within a boot agree closely, so treating them
        // as replicates would be far more certain than the two boots per side allow.
        addBoot("ide", 1, 999, 1000, 1001);
        addBoot("ide", 2, 1099, 1100, 1101);
        addBoot("virtio", 1, 1999, 2000, 2001);
        addBoot("virtio", 2, 2099, 2100, 2101);
        ClaimResult result = evaluate(claim("virtio", 1.8));
        Cell ide = Cell.group(samples).get(0);
        assertThat(ide.replicates().values()).containsExactly(1000.0, 1100.0);
        assertThat(result.gain().value()).isCloseTo(4100.0 / 2100, within(1e-12));
        assertThat(result.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(result.wouldNeed()).startsWith("about ").contains("boots x 3 repetitions per variant")
                .doesNotContain("not measured");
    }

    private ClaimResult evaluate(Claim claim) {
        return ClaimEvaluator.evaluate(claim, Cell.group(samples), List.of());
    }

    private static Claim claim(String candidate, double minGain) {
        return new Claim(candidate + "-claim", "claim", "ide", candidate, "randread", "read_iops", minGain);
    }

    private void add(String variant, double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, "randread", "read_iops", "IO/s", i, values[i]));
        }
    }

    private void addBoot(String variant, int boot, double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, "randread", "read_iops", "IO/s", i + 1, values[i], boot));
        }
    }
}
