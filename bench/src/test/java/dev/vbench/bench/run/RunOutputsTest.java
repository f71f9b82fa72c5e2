package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.sequential.SequentialAction;
import dev.vbench.results.sequential.SequentialLook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's stopping rule: the look it takes is the analysis' own replay of the measurements so far, and it may
 * stop when nothing but a failed variant's hypotheses still wants a round.
 */
class RunOutputsTest {
    static final Instant T = Instant.parse("2026-11-29T00:00:00Z");

    @TempDir
    Path dir;

    private RunOutputs outputs(String replication) throws Exception {
        String text = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8)
                .replace("repetitions: 2\n", replication);
        Plan plan = PlanParser.parse(text, "smoke.yaml");
        return new RunOutputs(plan, null, null, dir);
    }

    /**
     * The baseline on {@code boots} boots, virtio on the first {@code virtioBoots}, two repetitions each: virtio writes 3x (far above the claimed 1.2x) and
     * sends 1.2x (at the claim's boundary), with 1-2% noise.
     */
    private static List<Measurement> measured(int boots, int virtioBoots) {
        List<Measurement> out = new ArrayList<>();
        double[] wobble = {0.99, 1.01, 1.015, 0.985, 1.0, 0.995};
        for (int boot = 1; boot <= boots; boot++) {
            for (int rep = 1; rep <= 2; rep++) {
                double w = wobble[(2 * boot + rep) % wobble.length];
                out.add(m("ide-wt-e1000", "randwrite-4k", boot, rep, new Metric("write_iops", "IO/s", 1000 * w)));
                out.add(m("ide-wt-e1000", "tcp-tx", boot, rep, new Metric("throughput", "bit/s", 1e9 * w)));
                if (boot <= virtioBoots) {
                    double v = wobble[(2 * boot + rep + 3) % wobble.length];
                    out.add(m("virtio-wb-virtio", "randwrite-4k", boot, rep,
                            new Metric("write_iops", "IO/s", 3000 * v)));
                    out.add(m("virtio-wb-virtio", "tcp-tx", boot, rep, new Metric("throughput", "bit/s", 1.2e9 * v)));
                }
            }
        }
        return out;
    }

    private static Measurement m(String variant, String workload, int boot, int rep, Metric metric) {
        return new Measurement(variant, workload, boot, rep, Measurement.Status.OK, null, T, T, List.of(metric), null);
    }

    @Test
    void aFixedDesignTakesNoLook() throws Exception {
        assertThat(outputs("boots: 3\nrepetitions: 2\nstopping: fixed\n").look(measured(3, 3))).isEmpty();
        assertThat(outputs("repetitions: 2\n").look(measured(1, 1))).isEmpty();
    }

    @Test
    void theLookIsTheLastOfTheReplayAndDecidesNothingOnOneBoot() throws Exception {
        RunOutputs outputs = outputs("boots: 3\nrepetitions: 2\n");
        SequentialLook first = outputs.look(measured(1, 1)).orElseThrow();
        assertThat(first.look()).isEqualTo(1);
        assertThat(first.looks()).isEqualTo(3);
        assertThat(first.hypotheses()).noneMatch(SequentialLook.Hypothesis::decided);
        assertThat(outputs.mayStop(first, Set.of())).isFalse();
        SequentialLook second = outputs.look(measured(2, 2)).orElseThrow();
        assertThat(second.look()).isEqualTo(2);
        assertThat(second.find("virtio-disk-writes", true).orElseThrow().action())
                .as("3x against a claimed 1.2x at 1% noise").isEqualTo(SequentialAction.STOP_SUPPORTED);
        assertThat(second.find("virtio-net-tx", true).orElseThrow().decided())
                .as("a gain at the claim's boundary is not decided").isFalse();
    }

    @Test
    void onlyAFailedVariantsHypothesesStillWantingARoundLetTheRunStop() throws Exception {
        RunOutputs outputs = outputs("boots: 3\nrepetitions: 2\n");
        // virtio failed on its second boot: its claims and comparisons have one boot, and no round brings another
        SequentialLook look = outputs.look(measured(2, 1)).orElseThrow();
        assertThat(look.hypotheses()).anyMatch(h -> h.action() == SequentialAction.CONTINUE);
        assertThat(outputs.mayStop(look, Set.of())).isFalse();
        assertThat(outputs.mayStop(look, Set.of("virtio-wb-virtio"))).isTrue();
        assertThat(outputs.mayStop(look, Set.of("ide-wt-e1000"))).as("the baseline failed").isTrue();
    }
}
