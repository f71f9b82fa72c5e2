package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.ChartSet;
import dev.vbench.results.report.JunitXml;
import dev.vbench.results.report.ReportHtml;
import dev.vbench.results.report.SummaryJson;
import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.stats.ReplicationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the output formats byte for byte: summary.json, junit.xml, results.csv and report.html of the seeded
 * {@link LabFixture} (its environment strings are fixed), its summary.json and report.html under a group-sequential
 * design of 4 looks (3 taken, one per boot), of the fixture with the host's own ceiling and efficiencies
 * (summary-native.json, report-native.html), plus summary.json, junit.xml and report.html of an
 * edge-case run (single samples, zero means, no claims, no context, no charts). Run under several default
 * locales, since none of them may change a byte. Regenerate the files after an
 * intended format change with {@code mvn test -Dvbench.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");

    private static List<ChartFile> labCharts;

    private Locale saved;

    @BeforeAll
    static void renderCharts(@TempDir Path dir) throws IOException {
        labCharts = ChartSet.render(Analysis.compute(LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(),
                LabFixture.context()), dir, Analysis.CHARTS_DIR);
    }

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "tr-TR", "ar-EG"})
    void formatsAreIdenticalUnderEveryDefaultLocale(String languageTag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        AnalysisResult lab = Analysis.compute(LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(),
                LabFixture.context());
        check("summary.json", () -> SummaryJson.format(lab));
        check("junit.xml", () -> JunitXml.format(lab));
        check("results.csv", () -> SampleCsv.format(LabFixture.samples()));
        check("report.html", () -> ReportHtml.format(lab, labCharts));
        AnalysisResult sequential = Analysis.compute(LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(),
                LabFixture.context(), SequentialDesign.of(4, ReplicationUnit.BOOT));
        check("summary-sequential.json", () -> SummaryJson.format(sequential));
        check("report-sequential.html", () -> ReportHtml.format(sequential, labCharts));
        AnalysisResult ceiling = Analysis.compute(LabFixture.samplesWithNative(), LabFixture.BASELINE,
                LabFixture.claims(), LabFixture.context());
        check("summary-native.json", () -> SummaryJson.format(ceiling));
        check("report-native.html", () -> ReportHtml.format(ceiling, labCharts));
        AnalysisResult edge = Analysis.compute(edgeSamples(), "a", List.of(), RunContext.unknown());
        check("summary-edge.json", () -> SummaryJson.format(edge));
        check("junit-empty.xml", () -> JunitXml.format(edge));
        check("report-edge.html", () -> ReportHtml.format(edge, List.of()));
    }

    /** One sample per cell here and there, all-zero counts, a negative value, one-sided metrics. */
    private static List<Sample> edgeSamples() {
        return List.of(
                new Sample("a", "tcp", "retransmits", "count", 1, 0),
                new Sample("a", "tcp", "retransmits", "count", 2, 0),
                new Sample("b", "tcp", "retransmits", "count", 1, 0),
                new Sample("b", "tcp", "retransmits", "count", 2, 0),
                new Sample("a", "tcp", "throughput", "bit/s", 1, 9.41e9),
                new Sample("b", "tcp", "throughput", "bit/s", 1, 9.4e9),
                new Sample("b", "tcp", "throughput", "bit/s", 2, 9.39e9),
                new Sample("a", "clock", "drift", "us", 1, -3.25),
                new Sample("a", "clock", "drift", "us", 2, 1.5),
                new Sample("b", "only-b", "write_iops", "IO/s", 1, 100));
    }

    private static void check(String name, Supplier<String> actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        String text = actual.get();
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create it with -Dvbench.updateGolden=true)", file).exists();
        byte[] expected = Files.readAllBytes(file);
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("%s under locale %s", name, Locale.getDefault())
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
