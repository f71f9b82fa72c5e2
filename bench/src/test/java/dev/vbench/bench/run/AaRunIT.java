package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An A/A run on the local lab: three identical variants, each booted twice for real (a fresh overlay per boot), so
 * any difference is noise. The harness must call no claim SUPPORTED and no tested comparison significant, take
 * every boot as its own visit with its own device proof, and look at its data after the second boot. The cells'
 * within- and between-boot CVs are printed: they are this lab's noise.
 */
class AaRunIT {
    static final Path PLAN = Path.of("src/test/resources/plans/aa.yaml");
    static final List<String> VARIANTS = List.of("aa-1", "aa-2", "aa-3");

    @TempDir
    static Path tmp;
    static Path out;
    static LabFixture.Invocation run;

    @BeforeAll
    static void runAaPlan() {
        LabFixture.requireLab();
        out = tmp.resolve("aa");
        run = LabFixture.vbench("run", "--plan", PLAN.toString(), "--out", out.toString(), "--seed", "2026");
        System.out.println(run.out());
        System.err.println(run.err());
    }

    @Test
    void noClaimIsSupportedAndNoTestedComparisonIsSignificant() throws Exception {
        assertThat(run.exitCode()).as(run.err()).isIn(10, 11);
        JsonNode summary = LabFixture.json(out.resolve("summary.json"));
        assertThat(summary.path("claims")).hasSize(3);
        for (JsonNode claim : summary.path("claims")) {
            assertThat(claim.path("verdict").asText()).as(claim.toString()).isNotEqualTo("SUPPORTED");
        }
        List<JsonNode> tested = new ArrayList<>();
        summary.path("comparisons").forEach(c -> {
            if (c.path("tested").asBoolean()) {
                tested.add(c);
            }
        });
        assertThat(tested).as("one tested metric per workload, two candidates").hasSize(3 * 2);
        for (JsonNode c : tested) {
            assertThat(c.path("verdict").asText()).as(c.toString()).isEqualTo("no significant difference");
            // the interval contains 1; an unbounded one (no bound: the baseline is not distinguishable from 0 at the
            // level, with 1-2 degrees of freedom at 2 boots a side) contains everything
            boolean unbounded = c.path("gain_ci_low").isNull() || c.path("gain_ci_high").isNull();
            assertThat(unbounded || c.path("gain_ci_low").asDouble() <= 1.0 && c.path("gain_ci_high").asDouble() >= 1.0)
                    .as(c.toString()).isTrue();
        }
        assertThat(run.out()).contains("claims: ").contains(out.resolve("report.html").toString());
    }

    @Test
    void everyVariantWasBootedTwiceEachBootProvenAndMeasuredWhole() throws Exception {
        JsonNode record = LabFixture.json(out.resolve("run.json"));
        assertThat(record.path("status").asText()).isEqualTo("complete");
        assertThat(record.path("plan").path("expanded").path("boots").asInt()).isEqualTo(2);
        Map<String, Set<Integer>> boots = new TreeMap<>();
        for (JsonNode m : record.path("measurements")) {
            assertThat(m.path("status").asText()).as(m.toString()).isEqualTo("ok");
            assertThat(Files.exists(out.resolve(m.path("raw").asText()))).isTrue();
            boots.computeIfAbsent(m.path("variant").asText(), k -> new java.util.TreeSet<>())
                    .add(m.path("boot").asInt());
        }
        assertThat(record.path("measurements")).hasSize(3 * 2 * 2 * 3);
        assertThat(boots).containsOnlyKeys(VARIANTS).allSatisfy((v, b) -> assertThat(b).containsExactly(1, 2));
        List<VariantRecord> ready = Journal.read(out).stream().filter(JournalEntry.VariantEntry.class::isInstance)
                .map(e -> ((JournalEntry.VariantEntry) e).record()).filter(VariantRecord::ok).toList();
        assertThat(ready).as("one device proof per boot").hasSize(6);
        assertThat(ready.stream().map(VariantRecord::deviceEvidence).collect(Collectors.toSet()))
                .allSatisfy(e -> assertThat(e).contains("virtio_blk").contains("virtio_net"));
        for (String v : VARIANTS) {
            assertThat(out.resolve("raw/" + v + "/boot1")).isNotEmptyDirectory();
            assertThat(out.resolve("raw/" + v + "/boot2")).isNotEmptyDirectory();
        }
        assertThat(run.out()).contains("look 2 of 2");
    }

    @Test
    void theCellsSplitTheirNoiseIntoWithinAndBetweenBoots() throws Exception {
        JsonNode summary = LabFixture.json(out.resolve("summary.json"));
        StringBuilder noise = new StringBuilder("A/A noise on this lab (within-boot CV, between-boot CV, ICC):\n");
        int primary = 0;
        for (JsonNode cell : summary.path("cells")) {
            assertThat(cell.path("boots").asInt()).isEqualTo(2);
            assertThat(cell.path("replicate").asText()).isEqualTo("boot");
            String metric = cell.path("metric").asText();
            if (List.of("read_iops", "write_iops", "throughput").contains(metric)) {
                primary++;
                assertThat(cell.path("within_boot_cv").isNumber()).as(cell.toString()).isTrue();
                assertThat(cell.path("between_boot_cv").isNumber()).as(cell.toString()).isTrue();
                noise.append(String.format(java.util.Locale.ROOT, "  %s %s %s: %.2f%% %.2f%% %.2f%n",
                        cell.path("variant").asText(), cell.path("workload").asText(), metric,
                        100 * cell.path("within_boot_cv").asDouble(), 100 * cell.path("between_boot_cv").asDouble(),
                        cell.path("icc").asDouble()));
            }
        }
        assertThat(primary).isEqualTo(3 * 3);
        System.out.println(noise);
    }

    @Test
    void nothingLeftBehind() throws Exception {
        LabFixture.assertNothingLeftBehind(LabFixture.json(out.resolve("run.json")).path("run_id").asText());
    }
}
