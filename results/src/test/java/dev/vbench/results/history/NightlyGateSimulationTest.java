package dev.vbench.results.history;

import static dev.vbench.results.history.Histories.night;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate's error rates against the targets, on a smaller version of bench/jmh's {@code GateSimulation}:
 * the default plan's shape (5 variants x 3 workloads), 30 baseline nights of 3 boots x 2 repetitions, normal noise
 * with the lab's measured components (per-sample CV within a boot / between boots: randread 2.8% / 2.6%, randwrite
 * 17.9% / 2.1%, iperf3 8.2% / 2.1%), change points detected in each baseline as the nightly command does. Seeded.
 */
class NightlyGateSimulationTest {
    private static final String[][] WORKLOADS = {{"randread-4k", "read_iops"}, {"randwrite-4k", "write_iops"},
        {"tcp-tx", "throughput"}};
    private static final double[][] NOISE = {{0.028, 0.026}, {0.179, 0.021}, {0.082, 0.021}};
    /** 3% per sample, split between within and between boots as randread's is. */
    private static final double[] THREE_PERCENT = {0.03 * 2.8 / Math.hypot(2.8, 2.6),
        0.03 * 2.6 / Math.hypot(2.8, 2.6)};
    private static final int NIGHTS = 300;

    /** One night of the whole plan; series 0 (randread of v0) has 3% noise and steps by {@code step} tonight. */
    private static List<GateDecision> planNight(Random random, double step) {
        List<GateInput> inputs = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            SeriesKey key = new SeriesKey("lab", "v" + s / 3, WORKLOADS[s % 3][0], WORKLOADS[s % 3][1]);
            double[] noise = s == 0 ? THREE_PERCENT : NOISE[s % 3];
            List<Night> nights = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                nights.add(night(n, random, 1000, noise[0], noise[1], 3, 2));
            }
            SeriesHistory history = Histories.history(key, nights, List.of());
            List<ChangePoint> stored = EDivisive.detect(history, EDivisive.Params.defaults());
            Night tonight = night(30, random, 1000 * (s == 0 ? 1 - step : 1), noise[0], noise[1], 3, 2);
            inputs.add(new GateInput(history, stored, tonight, false));
        }
        return NightlyGate.decide(inputs, GateParams.defaults()).decisions();
    }

    @Test
    void atMostOneA2ANightInTwentyRaisesAFalseAlarm() {
        Random random = new Random(41);
        int alarms = 0;
        for (int n = 0; n < NIGHTS; n++) {
            alarms += planNight(random, 0).stream().anyMatch(d -> d.status() == GateStatus.REGRESSION) ? 1 : 0;
        }
        assertThat(alarms / (double) NIGHTS).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aTenPercentStepAtThreePercentNoiseIsCaughtTheSameNight() {
        Random random = new Random(42);
        int caught = 0;
        for (int n = 0; n < NIGHTS; n++) {
            caught += planNight(random, 0.10).get(0).status() == GateStatus.REGRESSION ? 1 : 0;
        }
        assertThat(caught / (double) NIGHTS).isGreaterThanOrEqualTo(0.95);
    }
}
