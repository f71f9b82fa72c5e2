package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.report.DurabilityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run's crash trials end up: summary.json, report.html, durability.json and the chart. */
class DurabilityOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static AnalysisResult measured() {
        List<Sample> samples = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            samples.add(new Sample("virtio-wt", "randwrite", "write_iops", "IO/s", rep, 1000 + rep, 1));
            samples.add(new Sample("virtio-unsafe", "randwrite", "write_iops", "IO/s", rep, 3000 + rep, 1));
        }
        return Analysis.compute(samples, "virtio-wt", List.of(), new RunContext(Map.of(), List.of(),
                RunStatus.COMPLETE));
    }

    @Test
    void aRunThatMeasuredAndCrashedHasTheDurabilityInItsSummaryAndReport() throws Exception {
        DurabilitySummary durability = DurabilityGoldenFilesTest.summary();
        Analysis.write(dir, measured(), durability);

        JsonNode summary = JSON.readTree(dir.resolve(Analysis.SUMMARY_JSON).toFile());
        assertThat(summary.path("durability")).isEqualTo(JSON.readTree(DurabilityReport.json(durability)));
        assertThat(summary.path("cells")).hasSize(2);
        assertThat(Files.readString(dir.resolve(Analysis.DURABILITY_JSON))).isEqualTo(
                DurabilityReport.json(durability));
        String report = Files.readString(dir.resolve(Analysis.REPORT_HTML));
        assertThat(report).contains("<section id=\"durability\">").contains("virtio-unsafe")
                .contains("charts/durability.png").contains("<section id=\"method\">");
        assertThat(report.indexOf("<section id=\"durability\">")).isLessThan(report.indexOf("id=\"method\""));
        assertThat(dir.resolve("charts/durability.png")).isNotEmptyFile();
    }

    @Test
    void aRunWithoutCrashTrialsHasNoDurabilityAnywhere() throws Exception {
        Analysis.write(dir, measured());
        assertThat(JSON.readTree(dir.resolve(Analysis.SUMMARY_JSON).toFile()).has("durability")).isFalse();
        assertThat(Files.readString(dir.resolve(Analysis.REPORT_HTML))).doesNotContain("id=\"durability\"");
        assertThat(dir.resolve(Analysis.DURABILITY_JSON)).doesNotExist();
    }

    @Test
    void aRunOfCrashTrialsOnlyGetsItsOwnReportPageAndNoSummary() throws Exception {
        DurabilitySummary durability = DurabilityGoldenFilesTest.summary();
        Analysis.writeDurability(dir, "crash <plan>", durability);

        String report = Files.readString(dir.resolve(Analysis.REPORT_HTML));
        assertThat(report).startsWith("<!DOCTYPE html>").contains("crash &lt;plan&gt;")
                .contains("<section id=\"durability\">").contains("charts/durability.png").endsWith("</html>\n");
        assertThat(Files.readString(dir.resolve(Analysis.DURABILITY_JSON))).isEqualTo(
                DurabilityReport.json(durability));
        assertThat(dir.resolve(Analysis.SUMMARY_JSON)).doesNotExist();
    }
}
