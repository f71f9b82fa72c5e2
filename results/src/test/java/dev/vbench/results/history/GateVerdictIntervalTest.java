package dev.vbench.results.history;

import static dev.vbench.results.history.Histories.night;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateStatus;
import dev.vbench.results.stats.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate's verdicts and intervals never contradict each other, on random nights of random plans (shifts from -25%
 * to +25%, baselines from 0 to 30 nights, some young): a regression's interval lies wholly below 1 (higher is
 * better here), an improvement's wholly above, and a tested series is significant after the correction exactly when
 * its interval excludes 1; the adjusted p-values are Benjamini-Hochberg's over the family.
 */
class GateVerdictIntervalTest {
    private static final double[] SHIFTS = {0, 0, 0, -0.03, 0.03, -0.08, 0.08, -0.25, 0.25};

    @Test
    void verdictsAndIntervalsAgreeOnEveryDecision() {
        Random random = new Random(31);
        GateParams params = new GateParams(2, 0.01, 0.1, 5);
        Map<GateStatus, Integer> seen = new EnumMap<>(GateStatus.class);
        for (int night = 0; night < 200; night++) {
            List<GateInput> inputs = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                SeriesKey key = new SeriesKey("lab", "v" + s, "randread-4k", "read_iops");
                int n = random.nextInt(4) == 0 ? random.nextInt(5) : 30;
                List<Night> nights = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    nights.add(night(i, random, 1000, 0.02, 0.02, 3, 2));
                }
                double shift = SHIFTS[random.nextInt(SHIFTS.length)];
                Night tonight = night(n, random, 1000 * (1 + shift), 0.02, 0.02, 3, 2);
                inputs.add(new GateInput(Histories.history(key, nights, List.of()), List.of(), tonight, false));
            }
            List<GateDecision> decisions = NightlyGate.decide(inputs, params).decisions();
            List<GateDecision> tested = decisions.stream().filter(d -> !Double.isNaN(d.pAdjusted())).toList();
            double[] worse = tested.stream().mapToDouble(d -> d.ratio() < 1 ? d.pValue() : 1 - d.pValue()).toArray();
            double[] adjusted = BenjaminiHochberg.adjust(worse);
            for (int i = 0; i < tested.size(); i++) {
                if (tested.get(i).ratio() < 1) {
                    assertThat(tested.get(i).pAdjusted()).isEqualTo(adjusted[i]);
                }
            }
            for (GateDecision d : decisions) {
                seen.merge(d.status(), 1, Integer::sum);
                check(d, params);
            }
        }
        assertThat(seen.keySet()).contains(GateStatus.REGRESSION, GateStatus.IMPROVEMENT, GateStatus.NO_CHANGE,
                GateStatus.NO_BASELINE);
        assertThat(seen.get(GateStatus.REGRESSION)).isGreaterThan(50);
    }

    private static void check(GateDecision d, GateParams params) {
        boolean significant = d.pAdjusted() <= params.q();
        boolean below = d.high() < 1;
        boolean above = d.low() > 1;
        boolean large = Math.abs(d.ratio() - 1) >= d.minEffect();
        switch (d.status()) {
            case REGRESSION -> assertThat(significant && below && large).as(d.reason()).isTrue();
            case IMPROVEMENT -> assertThat(significant && above && large).as(d.reason()).isTrue();
            case NO_CHANGE -> assertThat(significant && (below || above) && large).as(d.reason()).isFalse();
            case NO_BASELINE -> assertThat(d.ratio()).isNaN();
            default -> throw new AssertionError("unexpected " + d.status());
        }
        if (d.status() != GateStatus.NO_BASELINE && Double.isFinite(d.low())) {
            assertThat(significant).as(d.reason()).isEqualTo(below || above);
            assertThat(d.ratio()).isBetween(d.low(), d.high());
        }
    }
}
