package dev.vbench.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.RunContext;
import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.ReplicationUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replay of a run's looks and the analysis that takes its verdicts from them, on a constructed run of 3 boots x 2
 * repetitions: "big" is 3x the baseline on boots 1 and 2 and falls to 1x on boot 3; "marginal" is about 5% better
 * and noisy between boots. Expected gains are the ratios of the boot means, worked out here by hand.
 */
class SequentialReplayTest {
    private static final SequentialDesign DESIGN = SequentialDesign.of(3, ReplicationUnit.BOOT);
    private static final Claim BIG = new Claim("big", "big is 1.5x", "base", "big", "randread", "read_iops", 1.5);
    private static final Claim MARGINAL = new Claim("marginal", "marginal is better", "base", "marginal", "randread",
            "read_iops", 1.0);
    private static final List<Claim> CLAIMS = List.of(BIG, MARGINAL);

    /** Boot means: base 1000, 1010, 990; big 3000, 3003, 1000; marginal 1060, 1040, 1050 (each boot mean +- 5). */
    private static List<Sample> run() {
        List<Sample> samples = new ArrayList<>();
        double[][] means = {{1000, 1010, 990}, {3000, 3003, 1000}, {1060, 1040, 1050}};
        String[] variants = {"base", "big", "marginal"};
        for (int v = 0; v < variants.length; v++) {
            for (int boot = 1; boot <= 3; boot++) {
                samples.add(new Sample(variants[v], "randread", "read_iops", "IO/s", 1, means[v][boot - 1] - 5, boot));
                samples.add(new Sample(variants[v], "randread", "read_iops", "IO/s", 2, means[v][boot - 1] + 5, boot));
            }
        }
        return samples;
    }

    @Test
    void aBigEffectCrossesAtLookTwoAndAMarginalOneOnlyAtLookThree() {
        List<SequentialLook> looks = DESIGN.replay("base", CLAIMS, run());
        assertThat(looks).extracting(SequentialLook::look).containsExactly(1, 2, 3);
        assertThat(looks.get(0).hypotheses()).allMatch(h -> h.action() == SequentialAction.CONTINUE);
        assertThat(looks.get(1).find("big", true).orElseThrow().action()).isEqualTo(SequentialAction.STOP_SUPPORTED);
        assertThat(looks.get(1).find("marginal", true).orElseThrow().action()).isEqualTo(SequentialAction.CONTINUE);
        assertThat(looks.get(1).stop()).isFalse();
        SequentialLook.Hypothesis big = looks.get(2).find("big", true).orElseThrow();
        SequentialLook.Hypothesis marginal = looks.get(2).find("marginal", true).orElseThrow();
        assertThat(big.decidedAt()).isEqualTo(2);
        assertThat(big.gain().value()).isCloseTo(3001.5 / 1005, within(1e-9));
        assertThat(marginal.action()).isEqualTo(SequentialAction.STOP_SUPPORTED);
        assertThat(marginal.decidedAt()).isEqualTo(3);
        assertThat(marginal.gain().value()).isCloseTo(1050.0 / 1000, within(1e-9));
        assertThat(looks.get(2).describe()).startsWith("look 3 of 3: ");
    }

    @Test
    void theAnalysisKeepsTheLookTwoVerdictThatTheWholeDataWouldNotGive() {
        AnalysisResult result = Analysis.compute(run(), "base", CLAIMS, RunContext.unknown(), DESIGN);
        ClaimResult big = result.claims().get(0);
        assertThat(big.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(big.gain().value()).isCloseTo(3001.5 / 1005, within(1e-9));
        assertThat(big.gain().low()).isGreaterThan(1.5);
        assertThat(big.reason()).contains("(look 2 of 3, O'Brien-Fleming; 2 claims by Holm's procedure)");
        ClaimResult marginal = result.claims().get(1);
        assertThat(marginal.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(marginal.gain().low()).isGreaterThan(1.0);
        assertThat(marginal.reason()).contains("look 3 of 3");
        assertThat(result.design().looks()).hasSize(3);
        assertThat(result.design().stoppedEarly()).isFalse();
        Comparison bigComparison = result.comparisons().stream().filter(c -> c.candidate().equals("big"))
                .findFirst().orElseThrow();
        assertThat(bigComparison.verdict()).isEqualTo(ComparisonVerdict.BETTER);
        assertThat(bigComparison.gain().value()).isCloseTo(3001.5 / 1005, within(1e-9));
        // all three boots at once, as a fixed design would take them: the gain is 2334.33 / 1000, far less certain
        ClaimResult fixed = Analysis.compute(run(), "base", CLAIMS, RunContext.unknown()).claims().get(0);
        assertThat(fixed.gain().value()).isCloseTo(7003.0 / 3000, within(1e-9));
        assertThat(fixed.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    }

    @Test
    void aRunThatStopsWhereTheDriverStoppedIsReproducedFromItsSamples() {
        List<Sample> firstTwo = run().stream().filter(s -> s.boot() <= 2 && !s.variant().equals("marginal"))
                .toList();
        List<SequentialLook> driver = DESIGN.replay("base", List.of(BIG), firstTwo);
        assertThat(driver.get(1).stop()).isTrue();
        AnalysisResult result = Analysis.compute(firstTwo, "base", List.of(BIG), RunContext.unknown(), DESIGN);
        assertThat(result.design().looks()).isEqualTo(driver);
        assertThat(result.design().stoppedEarly()).isTrue();
        assertThat(result.claims().get(0).verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(driver.get(1).describe()).isEqualTo("look 2 of 3: 2 decided (2 supported, 0 refuted), 0 continue,"
                + " 0 futile");
    }

    @Test
    void oneBootDecidesNothingAndSaysWhy() {
        List<Sample> first = run().stream().filter(s -> s.boot() == 1).toList();
        AnalysisResult result = Analysis.compute(first, "base", CLAIMS, RunContext.unknown(), DESIGN);
        assertThat(result.design().looks()).hasSize(1);
        assertThat(result.design().looks().get(0).describe()).isEqualTo("look 1 of 3: 0 decided, 4 continue, 0 futile");
        assertThat(result.claims()).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
            assertThat(c.gain().hasInterval()).isFalse();
            assertThat(c.reason()).isEqualTo("base has 1 boot; the sequential design needs at least 2 per side");
        });
        assertThat(result.comparisons()).allSatisfy(c -> assertThat(c.verdict())
                .isEqualTo(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE));
    }

    @Test
    void aFailedVariantsClaimIsFutileAndDoesNotHoldTheRun() {
        Claim gone = new Claim("gone", "gone is better", "base", "gone", "randread", "read_iops", 1.0);
        List<Sample> samples = run().stream().filter(s -> s.boot() <= 2 && !s.variant().equals("marginal"))
                .toList();
        List<SequentialLook> looks = DESIGN.replay("base", List.of(BIG, gone), samples);
        assertThat(looks.get(0).find("gone", true).orElseThrow().action()).isEqualTo(SequentialAction.STOP_FUTILE);
        assertThat(looks.get(1).stop()).isTrue();
    }

    @Test
    void aFixedDesignTakesNoLooks() {
        assertThat(SequentialDesign.fixed().looks()).isEqualTo(1);
        assertThat(SequentialDesign.fixed().sequential()).isFalse();
        assertThat(DESIGN.sequential()).isTrue();
        assertThat(SequentialDesign.fixed().replay("base", CLAIMS, run())).isEmpty();
        AnalysisResult result = Analysis.compute(run(), "base", CLAIMS, RunContext.unknown());
        assertThat(result.design()).isEqualTo(DesignOutcome.fixed());
        assertThat(result.claims().get(0).reason()).endsWith("(decided with 2 claims by Holm's procedure)");
        assertThatThrownBy(() -> SequentialDesign.of(3, ReplicationUnit.REPETITION).replay("base", CLAIMS, run()))
                .isInstanceOf(IllegalStateException.class);
    }
}
