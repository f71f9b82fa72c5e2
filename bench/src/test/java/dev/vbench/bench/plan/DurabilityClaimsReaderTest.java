package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.claims.DurabilityMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durability claims in a claims file and in a plan: read beside the speed claims, by their metric. */
class DurabilityClaimsReaderTest {
    private static final String FILE = """
            claims:
              - id: wt-keeps-synced
                text: writethrough never loses a synced record
                variant: virtio-wt
                workload: durable-sync
                metric: acked_lost
                max: 0
              - id: faster
                baseline: a
                candidate: b
                workload: rr
                metric: read_iops
                min_gain: 1.5
              - {id: no-tears, variant: virtio-unsafe, workload: durable-sync, metric: corrupt, max: 2}
            """;

    private static final String PLAN = """
            name: d
            variants: [{name: wt}, {name: ub, disk: {cache: unsafe}}]
            workloads: [{name: rr, fio: {rw: randread}}]
            repetitions: 1
            claims:
              - {id: wt-safe, variant: wt, workload: rr, metric: acked_lost, max: 0}
              - {id: gain, baseline: wt, candidate: ub, workload: rr, metric: read_iops, min_gain: 1.1}
            """;

    @Test
    void readsBothKindsInOrder() {
        ClaimLists lists = ClaimsReader.parseAll(FILE, "c.yaml");
        assertThat(lists.durability()).containsExactly(
                new DurabilityClaim("wt-keeps-synced", "writethrough never loses a synced record", "virtio-wt",
                        "durable-sync", DurabilityMetric.ACKED_LOST, 0),
                new DurabilityClaim("no-tears", "a host crash under virtio-unsafe running durable-sync gives at most"
                        + " 2 corrupt per trial", "virtio-unsafe", "durable-sync", DurabilityMetric.CORRUPT, 2));
        assertThat(lists.speed()).extracting(Claim::id).containsExactly("faster");
        assertThat(ClaimsReader.parse(FILE, "c.yaml")).isEqualTo(lists.speed());
    }

    @Test
    void aPlanKeepsThemBesideItsSpeedClaims() {
        Plan plan = PlanParser.parse(PLAN, "p.yaml");
        assertThat(plan.durabilityClaims()).containsExactly(new DurabilityClaim("wt-safe", "a host crash under wt"
                + " running rr gives at most 0 acked_lost per trial", "wt", "rr", DurabilityMetric.ACKED_LOST, 0));
        assertThat(plan.claims()).extracting(Claim::id).containsExactly("gain");
    }

    @Test
    void errorsNameTheLineAndTheFix() {
        assertError(FILE.replace("    max: 0\n", ""), "c.yaml:2: claims[0].max: missing (required; the most"
                + " acked_lost a crash trial may have, e.g. max: 0 for never)");
        assertError(FILE.replace("max: 0", "max: -1"), "c.yaml:7: claims[0].max: -1 is out of range (valid:"
                + " 0..2147483647)");
        assertError(FILE.replace("max: 0", "max: 0.5"), "c.yaml:7: claims[0].max: expected a whole number"
                + " (0..2147483647, decimal without leading zeros), got the number '0.5'");
        assertError(FILE.replace("    variant: virtio-wt\n", "    baseline: virtio-wt\n"), "c.yaml:4:"
                + " claims[0].baseline: unknown key (valid: id, text, variant, workload, metric, max)");
        assertError(FILE.replace("    min_gain: 1.5\n", "    max: 0\n"), "c.yaml:13: claims[1].max: unknown key"
                + " (valid: id, text, baseline, candidate, workload, metric, min_gain)");
        assertError(FILE.replace("id: no-tears", "id: faster"), "c.yaml:14: claims[2].id: duplicate claim id"
                + " 'faster' (first on line 8)");
        assertError(FILE.replace("variant: virtio-wt", "variant: ../wt"), "c.yaml:4: claims[0].variant: invalid"
                + " variant name '../wt' (must not contain path separators; use 1-48 lower-case letters, digits, '.',"
                + " '_', '-', starting with a letter or digit)");
        assertThatThrownBy(() -> PlanParser.parse(PLAN.replace("variant: wt,", "variant: wb,"), "p.yaml"))
                .isInstanceOf(PlanException.class).hasMessage("p.yaml:6: claims[0].variant: unknown variant 'wb'"
                        + " (valid: wt, ub)");
        assertThatThrownBy(() -> PlanParser.parse(PLAN.replace("workload: rr, metric: acked", "workload: sync,"
                + " metric: acked"), "p.yaml")).isInstanceOf(PlanException.class)
                .hasMessage("p.yaml:6: claims[0].workload: unknown workload 'sync' (valid: rr)");
    }

    @Test
    void claimsOfTheOtherKindAreNotDurabilityClaims() {
        assertThat(ClaimsReader.parseAll("claims: []\n", "c.yaml")).isEqualTo(ClaimLists.NONE);
        assertThat(DurabilityMetric.names()).isEqualTo(List.of("acked_lost", "corrupt"));
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> ClaimsReader.parseAll(text, "c.yaml")).isInstanceOf(PlanException.class)
                .hasMessage(message);
    }
}
