package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.run.RoundSchedule;
import dev.vbench.provisioning.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code canary: VARIANT}: the variant and its twin {@code VARIANT.canary}, an A/A pair measured every round. */
class CanaryPlanTest {
    static final String PLAN = """
            name: nightly
            canary: a
            variants:
              - name: a
                disk: {bus: ide, cache: writethrough}
                nic: {model: e1000}
              - name: b
                disk: {bus: virtio, cache: writeback}
            matrix: {disk.bus: [sata], disk.cache: [none]}
            workloads:
              - {name: rr, fio: {rw: randread}}
            repetitions: 1
            """;

    @Test
    void theCanaryIsFollowedByItsTwinWithTheSameDevices() {
        Plan plan = PlanParser.parse(PLAN, "t.yaml");

        assertThat(plan.variantNames()).containsExactly("a", "a.canary", "b", "sata-none-virtio");
        assertThat(plan.canary()).containsExactly("a", "a.canary");
        Variant a = plan.variant("a").orElseThrow();
        Variant twin = plan.variant("a.canary").orElseThrow();
        assertThat(twin.disk()).isEqualTo(a.disk());
        assertThat(twin.nic()).isEqualTo(a.nic());
        assertThat(plan.isCanary("a")).isTrue();
        assertThat(plan.isCanary("a.canary")).isTrue();
        assertThat(plan.isCanary("b")).isFalse();
        assertThat(plan.baseline()).as("baseline auto is still the first variant").isEqualTo("a");
    }

    @Test
    void aMatrixVariantMayBeTheCanaryAndClaimsMayNameTheTwin() {
        Plan plan = PlanParser.parse(PLAN.replace("canary: a", "canary: sata-none-virtio")
                + "claims:\n  - {id: aa, baseline: sata-none-virtio, candidate: sata-none-virtio.canary,"
                + " workload: rr, metric: read_iops, min_gain: 1.5}\n", "t.yaml");

        assertThat(plan.variantNames()).containsExactly("a", "b", "sata-none-virtio", "sata-none-virtio.canary");
        assertThat(plan.canary()).containsExactly("sata-none-virtio", "sata-none-virtio.canary");
        assertThat(plan.claims()).extracting(c -> c.candidate()).containsExactly("sata-none-virtio.canary");
    }

    @Test
    void withoutACanaryOrWithANullOneThePlanIsUnchanged() {
        Plan none = PlanParser.parse(PLAN.replace("canary: a\n", ""), "t.yaml");
        Plan empty = PlanParser.parse(PLAN.replace("canary: a\n", "canary:\n"), "t.yaml");

        assertThat(none.canary()).isEmpty();
        assertThat(none.variantNames()).containsExactly("a", "b", "sata-none-virtio");
        assertThat(empty.canary()).isEmpty();
        assertThat(empty.variantNames()).isEqualTo(none.variantNames());
    }

    @Test
    void everyRoundVisitsBothOfThePairOnceInTheSeededOrder() {
        Plan plan = PlanParser.parse(PLAN, "t.yaml");
        RoundSchedule schedule = new RoundSchedule(7);
        for (int boot = 1; boot <= 5; boot++) {
            assertThat(schedule.visits(boot, plan.variantNames()))
                    .containsExactlyInAnyOrderElementsOf(plan.variantNames());
        }
    }

    @Test
    void aPlanRefusesAPairThatIsNotAVariantAndItsTwin() {
        Plan plan = PlanParser.parse(PLAN, "t.yaml");
        List<Variant> variants = plan.variants();
        Variant b = plan.variant("b").orElseThrow();
        List<Variant> changedTwin = List.of(variants.get(0), new Variant("a.canary", b.disk(), b.nic()), b);

        assertThatThrownBy(() -> copy(plan, List.of("a", "b"), variants)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a canary is a pair");
        assertThatThrownBy(() -> copy(plan, List.of("b", "b.canary"), variants))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.canary is not a variant");
        assertThatThrownBy(() -> copy(plan, plan.canary(), changedTwin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same devices");
    }

    private static Plan copy(Plan p, List<String> canary, List<Variant> variants) {
        return new Plan(p.name(), p.connect(), p.hosts(), p.image(), p.accel(), p.guest(), p.network(), p.baseline(),
                canary, variants, p.workloads(), p.crashWorkloads(), p.replication(), p.parallelBoots(), p.claims(),
                p.claimsFile(), p.nativeCeiling(), p.source(), p.durabilityClaims());
    }
}
