package dev.vbench.results.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.claims.DurabilityMetric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durability claims decided over trials: the three verdicts, which trials count, and agreement with the interval. */
class DurabilityVerdictTest {
    static final DurabilityClaim NEVER = new DurabilityClaim("wt-no-loss", "writethrough never loses a synced record",
            "wt", "sync", DurabilityMetric.ACKED_LOST, 0);

    static TrialCheck clean(long acked) {
        return new TrialCheck(acked, 0, List.of(), acked + 1, 1, 1L, 0L, 0, List.of(), acked, 256,
                FsckOutcome.NOT_RUN);
    }

    static TrialCheck lossy(long acked, List<Long> lost) {
        return new TrialCheck(acked, lost.size(), lost, acked - lost.size(), 0, 1L, 1L, 1, List.of(lost.get(0)),
                acked - 1, 256, FsckOutcome.CLEAN);
    }

    @Test
    void noLossInAnyTrialSupportsWithAnUpperBound() {
        List<DurabilityTrial> trials = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            trials.add(DurabilityTrial.valid("wt", "sync", i, clean(100)));
        }
        trials.add(DurabilityTrial.valid("ub", "sync", 1, lossy(10, List.of(3L))));
        DurabilityVerdict v = DurabilityVerdict.decide(NEVER, trials);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        assertThat(v.interval().n()).isEqualTo(20);
        assertThat(v.interval().high()).isCloseTo(1 - Math.pow(0.025, 1.0 / 20), org.assertj.core.api.Assertions
                .within(1e-10));
        assertThat(v.reason()).isEqualTo("no trial of 20 had acked_lost above 0; per-trial probability 0..0.168"
                + " (95% Clopper-Pearson)");
    }

    @Test
    void oneLossRefutesNamingTheTrialAndSeqs() {
        List<DurabilityTrial> trials = List.of(DurabilityTrial.valid("wt", "sync", 1, clean(5)),
                DurabilityTrial.valid("wt", "sync", 2, lossy(50, List.of(47L, 48L, 49L))),
                DurabilityTrial.failed("wt", "sync", 3, "nbdkit did not start"),
                DurabilityTrial.valid("wt", "sync", 4, clean(0)));
        DurabilityVerdict v = DurabilityVerdict.decide(NEVER, trials);
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(v.exceeded()).containsExactly(new DurabilityVerdict.Exceeded(2, 3, List.of(47L, 48L, 49L)));
        assertThat(v.interval().x()).isEqualTo(1);
        assertThat(v.interval().n()).isEqualTo(2);
        assertThat(v.interval().low()).isPositive();
        assertThat(v.reason()).isEqualTo("1 of 2 trials had acked_lost above 0; per-trial probability 0.0126..0.987"
                + " (95% Clopper-Pearson); trial 2: 3 [47, 48, 49]");
    }

    @Test
    void aMaximumAboveZeroAndTheCorruptMetric() {
        DurabilityClaim few = new DurabilityClaim("few", "t", "wt", "sync", DurabilityMetric.ACKED_LOST, 3);
        DurabilityClaim intact = new DurabilityClaim("intact", "t", "wt", "sync", DurabilityMetric.CORRUPT, 0);
        List<DurabilityTrial> trials = List.of(DurabilityTrial.valid("wt", "sync", 1, lossy(50, List.of(1L, 2L))),
                DurabilityTrial.valid("wt", "sync", 2, clean(0)));
        assertThat(DurabilityVerdict.decide(few, trials).verdict()).isEqualTo(ClaimVerdict.SUPPORTED);
        DurabilityVerdict corrupt = DurabilityVerdict.decide(intact, trials);
        assertThat(corrupt.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(corrupt.interval().n()).isEqualTo(2);
        assertThat(corrupt.exceeded()).containsExactly(new DurabilityVerdict.Exceeded(1, 1, List.of(1L)));
    }

    @Test
    void withoutValidTrialsItIsInconclusive() {
        DurabilityVerdict v = DurabilityVerdict.decide(NEVER, List.of(DurabilityTrial.failed("wt", "sync", 1,
                "libvirt refused cache=none"), DurabilityTrial.valid("wt", "sync", 2, clean(0))));
        assertThat(v.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("no trial to decide on (2 trials, 1 failed)");
        assertThat(DurabilityVerdict.decide(NEVER, List.of()).verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    }

    @Test
    void verdictAndIntervalNeverDisagree() {
        for (int n = 0; n <= 25; n++) {
            for (int x = 0; x <= n; x++) {
                List<DurabilityTrial> trials = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    trials.add(DurabilityTrial.valid("wt", "sync", i, i <= x ? lossy(9, List.of(8L)) : clean(9)));
                }
                DurabilityVerdict v = DurabilityVerdict.decide(NEVER, trials);
                ClaimVerdict expected = n == 0 ? ClaimVerdict.INCONCLUSIVE
                        : x == 0 ? ClaimVerdict.SUPPORTED : ClaimVerdict.REFUTED;
                assertThat(v.verdict()).isEqualTo(expected);
                assertThat(v.interval().low() > 0).isEqualTo(expected == ClaimVerdict.REFUTED);
            }
        }
    }
}
