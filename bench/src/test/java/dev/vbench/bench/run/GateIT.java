package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nights of {@code vbench nightly} on the local lab into one SQLite history: two A/A nights pass the
 * gate; on the third the variant's cache mode is silently switched from writeback to writethrough under the same
 * names, and the gate fails naming the series, after re-measuring it on a fresh boot.
 */
class GateIT {
    static final Path GATE = Path.of("src/test/resources/plans/gate.yaml");
    static final Path SILENT_WT = Path.of("src/test/resources/plans/gate-silent-wt.yaml");
    static final String SERIES = "/gate-wb/seqwrite-1m/write_";

    @TempDir
    static Path tmp;
    static Path history;
    static Path nights;
    static LabFixture.Invocation first;
    static LabFixture.Invocation second;
    static LabFixture.Invocation third;

    @BeforeAll
    static void threeNights() {
        LabFixture.requireLab();
        history = tmp.resolve("history.db");
        nights = tmp.resolve("nights");
        first = nightly(GATE, "1");
        second = nightly(GATE, "2");
        third = nightly(SILENT_WT, "3");
    }

    private static LabFixture.Invocation nightly(Path plan, String seed) {
        LabFixture.Invocation night = LabFixture.vbench("nightly", "--plan", plan.toString(), "--history",
                history.toString(), "--out-root", nights.toString(), "--seed", seed);
        System.out.println(night.out());
        System.err.println(night.err());
        return night;
    }

    private static List<Path> nightDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(nights)) {
            return dirs.sorted().toList();
        }
    }

    @Test
    void twoAaNightsPass() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("0 series tested, 1 without enough history");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("1 series tested").contains("0 suspected, 0 confirmed regressions");
    }

    @Test
    void aSilentCacheChangeFailsTheGateAfterItsConfirmation() throws Exception {
        assertThat(third.exitCode()).as(third.out() + third.err()).isEqualTo(12);
        assertThat(third.out()).containsPattern("REGRESSION +\\S+" + SERIES)
                .contains("confirmed on a fresh boot").contains("1 suspected, 1 confirmed regressions");
        Path night = nightDirs().get(2);
        JsonNode gate = LabFixture.json(night.resolve("gate.json"));
        assertThat(gate.path("confirmed_regressions")).hasSize(1);
        assertThat(gate.path("confirmed_regressions").get(0).asText()).contains(SERIES);
        assertThat(LabFixture.json(night.resolve("confirm/run.json")).path("status").asText()).isEqualTo("complete");
        assertThat(night.resolve("trends/index.html")).exists();
    }

    @Test
    void theHistoryRemembersEveryNightAndComparesThem() throws Exception {
        List<Path> dirs = nightDirs();
        assertThat(dirs).hasSize(3);
        LabFixture.Invocation runs = LabFixture.vbench("history", "runs", "--history", history.toString());
        assertThat(runs.out().lines()).hasSize(3);
        LabFixture.Invocation again = LabFixture.vbench("history", "ingest", "--history", history.toString(),
                dirs.get(0).toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already in the history");
        LabFixture.Invocation compare = LabFixture.vbench("compare", dirs.get(0).toString(), dirs.get(2).toString(),
                "--out", tmp.resolve("compare").toString());
        // 2 boots a side leave Welch 1-2 degrees of freedom: compare may not call even a 3x drop significant,
        // while the gate (4 baseline boots, then a confirmation) does; the gain itself must show the drop
        assertThat(compare.exitCode()).as(compare.err()).isIn(0, 13);
        assertThat(compare.err()).contains("compared " + commonCells(dirs.get(0), dirs.get(2)) + " cells");
        assertThat(LabFixture.json(tmp.resolve("compare/summary.json")).toString()).contains("write_iops");
        assertThat(tmp.resolve("compare/report.html")).exists();
    }

    @Test
    void nothingIsLeftBehind() throws Exception {
        for (Path night : nightDirs()) {
            LabFixture.assertNothingLeftBehind(LabFixture.json(night.resolve("run.json")).path("run_id").asText());
        }
        Path confirm = nightDirs().get(2).resolve("confirm/run.json");
        LabFixture.assertNothingLeftBehind(LabFixture.json(confirm).path("run_id").asText());
    }

    /** The cells (variant, workload, metric) both runs' results.csv hold, counted here from the files. */
    private static long commonCells(Path a, Path b) throws Exception {
        java.util.function.Function<Path, java.util.Set<String>> cells = dir -> {
            try {
                return new java.util.HashSet<>(dev.vbench.results.SampleCsv.read(dir.resolve("results.csv")).stream()
                        .map(x -> x.variant() + "/" + x.workload() + "/" + x.metric()).toList());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        java.util.Set<String> common = cells.apply(a);
        common.retainAll(cells.apply(b));
        return common.size();
    }
}
