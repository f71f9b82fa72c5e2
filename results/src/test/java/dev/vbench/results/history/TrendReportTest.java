package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend report's series (night statistics against closed-form t quantiles, what is marked on each series) and
 * its files: written twice the same byte for byte, charts included; names and reasons escaped; no write through a
 * link.
 */
class TrendReportTest {
    @TempDir
    Path tmp;

    @Test
    void aNightOfTwoBootsHasTheIntervalOfItsBootMeans() {
        Night night = new Night("r1", TrendFixture.FIRST, Map.of(), new double[] {1000.5, 1010.25, 1100.75, 1090.5},
                new int[] {1, 1, 2, 2});
        CellStatistics st = TrendSeries.statistics(night);
        double m1 = (1000.5 + 1010.25) / 2;
        double m2 = (1100.75 + 1090.5) / 2;
        double sd = Math.abs(m1 - m2) / Math.sqrt(2);
        double t1 = Math.tan(Math.PI * (0.975 - 0.5));
        assertThat(st.mean()).isCloseTo((m1 + m2) / 2, within(1e-9));
        assertThat(st.ci95Low()).isCloseTo((m1 + m2) / 2 - t1 * sd / Math.sqrt(2), within(1e-6));
        assertThat(st.ci95High()).isCloseTo((m1 + m2) / 2 + t1 * sd / Math.sqrt(2), within(1e-6));
        assertThat(st.n()).isEqualTo(4);
    }

    @Test
    void aNightOfOneBootHasTheIntervalOfItsSamples() {
        double[] v = {940.5, 955.25, 921.75};
        CellStatistics st = TrendSeries.statistics(new Night("r1", TrendFixture.FIRST, Map.of(), v,
                new int[] {1, 1, 1}));
        double mean = (v[0] + v[1] + v[2]) / 3;
        double sd = Math.sqrt((Math.pow(v[0] - mean, 2) + Math.pow(v[1] - mean, 2) + Math.pow(v[2] - mean, 2)) / 2);
        double t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
        assertThat(st.ci95High() - st.mean()).isCloseTo(t2 * sd / Math.sqrt(3), within(1e-6));
        assertThat(TrendSeries.statistics(new Night("r2", TrendFixture.FIRST, Map.of(), new double[] {7},
                new int[] {1})).ci95Low()).isNaN();
    }

    @Test
    void eachSeriesHasItsOwnMarksInOrder() {
        List<TrendSeries> trend = TrendSeries.of(TrendFixture.series(), TrendFixture.changePoints(),
                TrendFixture.alerts());
        assertThat(trend).extracting(s -> s.history().key()).containsExactly(TrendFixture.TCP, TrendFixture.IOPS,
                TrendFixture.LATENCY, TrendFixture.LONE);
        TrendSeries iops = trend.get(1);
        assertThat(iops.changePoints()).extracting(ChangePoint::runId)
                .containsExactly(TrendFixture.run(7), "r-before-the-window");
        assertThat(iops.nightIndex("r-before-the-window")).isEqualTo(-1);
        assertThat(iops.alerts()).extracting(TrendAlert::runId).containsExactly(TrendFixture.run(7));
        assertThat(iops.environmentChanges()).containsExactly(new TrendSeries.EnvironmentChange(TrendFixture.run(5),
                List.of("qemu: 7.2.0 -> 8.0.0")));
        assertThat(iops.nightMark(3)).contains(Annotation.Kind.OUTLIER);
        assertThat(iops.nightMark(4)).isEmpty();
        assertThat(trend.get(0).nightMark(2)).contains(Annotation.Kind.EXCLUDE);
        assertThat(trend.get(2).changePoints()).isEmpty();
        assertThat(trend.get(3).environmentChanges()).isEmpty();
        assertThat(TrendSeries.ratio(iops.changePoints().get(0))).isEqualTo("0.879x [0.86, 0.9]");
        assertThat(TrendSeries.ratio(iops.changePoints().get(1))).isEqualTo("0.962x");
        assertThat(iops.nightMark(0)).isEqualTo(Optional.empty());
    }

    @Test
    void aSeriesGivenTwiceIsRefused() {
        SeriesHistory s = TrendFixture.series().get(0);
        assertThatThrownBy(() -> TrendSeries.of(List.of(s, s), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series lab-1/ide-wt/tcp-stream/throughput is given twice");
    }

    @Test
    void writingTwiceGivesTheSameBytesChartsIncluded() throws IOException {
        List<SeriesHistory> series = new ArrayList<>(TrendFixture.series());
        series.add(new SeriesHistory(new SeriesKey("lab-3", "v", "w", "read_iops"), "IO/s",
                Direction.HIGHER_IS_BETTER, List.of(), List.of()));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        TrendReport.write(a, "t", series, TrendFixture.changePoints(), TrendFixture.alerts());
        TrendReport.write(b, "t", series, TrendFixture.changePoints(), TrendFixture.alerts());
        List<Path> files = files(a);
        assertThat(files).map(Path::toString).contains("index.html", "trend.json",
                "charts/trend-" + TrendFixture.IOPS.id() + ".png").hasSize(2 + 4);
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        assertThat(a.resolve("index.html")).content().contains("lab-3/v/w/read_iops &middot; no nights")
                .doesNotContain("<6.12>").contains("new host kernel &lt;6.12&gt;");
        assertThat(a.resolve("trend.json")).content().contains("\"chart\": null");
    }

    @Test
    void noWriteFollowsALink() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("charts"), elsewhere);
        assertThatThrownBy(() -> TrendReport.write(out, "t", TrendFixture.series(), List.of(), List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
        Path linkedOut = Files.createSymbolicLink(tmp.resolve("linked"), elsewhere);
        assertThatThrownBy(() -> TrendReport.write(linkedOut, "t", TrendFixture.series(), List.of(), List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
