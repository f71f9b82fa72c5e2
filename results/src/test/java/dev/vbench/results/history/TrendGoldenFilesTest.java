package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.TrendChart;
import dev.vbench.results.report.TrendHtml;
import dev.vbench.results.report.TrendJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Seals trend.json and index.html of the {@link TrendFixture} histories (a change point, an alert, annotations of
 * every kind, an environment change, a night of one sample) byte for byte under several default locales.
 * Regenerate with {@code mvn test -Dvbench.updateGolden=true} and review the diff.
 */
class TrendGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");
    private static final String TITLE = "vbench nightly <lab-1 & lab-2>";

    private static List<ChartFile> charts;

    private Locale saved;

    @BeforeAll
    static void renderCharts(@TempDir Path dir) throws IOException {
        charts = new ArrayList<>();
        for (TrendSeries s : trend()) {
            charts.add(TrendChart.render(s, dir, TrendReport.CHARTS_DIR));
        }
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
        List<TrendSeries> trend = trend();
        check("trend.json", () -> TrendJson.format(TITLE, trend, charts.stream().map(ChartFile::png).toList()));
        check("trend-index.html", () -> TrendHtml.format(TITLE, trend, charts));
    }

    private static List<TrendSeries> trend() {
        return TrendSeries.of(TrendFixture.series(), TrendFixture.changePoints(), TrendFixture.alerts());
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
