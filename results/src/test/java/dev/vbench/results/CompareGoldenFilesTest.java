package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.CompareChart;
import dev.vbench.results.compare.RunComparison;
import dev.vbench.results.compare.RunSamples;
import dev.vbench.results.report.CompareHtml;
import dev.vbench.results.report.CompareJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the files of {@code vbench compare} byte for byte, under several default locales: compare-summary.json and
 * compare-report.html of the seeded {@link LabFixture} run (A) against a second seeded run (B) in which virtio's
 * random reads are 30% slower, SATA's TCP throughput 40% higher, every value has a fresh 2% wobble, one cell of A is missing, B has a workload A lacks
 * and QEMU changed. Regenerate with {@code mvn test -Dvbench.updateGolden=true} and review the diff.
 */
class CompareGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");

    private static List<ChartFile> charts;

    private Locale saved;

    @BeforeAll
    static void renderCharts(@TempDir Path dir) throws IOException {
        charts = CompareChart.render(comparison(), dir, Analysis.CHARTS_DIR);
        assertThat(charts).hasSize(1);
        assertThat(dir.resolve(charts.get(0).png())).isNotEmptyFile();
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
        RunComparison c = comparison();
        check("compare-summary.json", () -> CompareJson.format(c));
        check("compare-report.html", () -> CompareHtml.format(c, charts));
    }

    static RunComparison comparison() {
        Map<String, String> envA = new TreeMap<>(LabFixture.context().environment());
        envA.put("run_id", "r1");
        Map<String, String> envB = new TreeMap<>(envA);
        envB.put("run_id", "r2");
        envB.put("qemu_version", "8.0.0");
        return RunComparison.compare(new RunSamples("r1", LabFixture.samples(), envA),
                new RunSamples("r2", secondRun(), envB));
    }

    /**
     * The fixture's samples again, each with a 2% wobble; virtio's random reads 30% slower, SATA's TCP 40% faster;
     * one cell dropped, one workload added.
     */
    private static List<Sample> secondRun() {
        Random random = new Random(20261127L);
        List<Sample> out = new ArrayList<>();
        for (Sample s : LabFixture.samples()) {
            if (s.variant().equals(LabFixture.BASELINE) && s.metric().equals("cpu_local")) {
                continue;
            }
            double factor = 1 + 0.02 * random.nextGaussian();
            if (s.variant().startsWith("virtio") && s.workload().equals("randread-4k")) {
                factor *= s.metric().contains("clat") ? 1 / 0.7 : 0.7;
            }
            if (s.variant().startsWith("sata") && s.metric().equals("throughput")) {
                factor *= 1.4;
            }
            out.add(new Sample(s.variant(), s.workload(), s.metric(), s.unit(), s.rep(),
                    Math.round(s.value() * factor), s.boot()));
            if (s.variant().startsWith("virtio") && s.metric().equals("read_iops")) {
                out.add(new Sample(s.variant(), "randwrite-4k", "write_iops", "IO/s", s.rep(),
                        Math.round(s.value() * 0.7 * factor), s.boot()));
            }
        }
        return out;
    }

    private static void check(String name, Supplier<String> actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        String text = actual.get();
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create it with -Dvbench.updateGolden=true)", file).exists();
        assertThat(text).as("%s under locale %s", name, Locale.getDefault())
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(file));
    }
}
