package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.claims.Claim;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"[^>]*width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path tmp;

    @Test
    void writesEveryFileAndReturnsTheOutcome() throws IOException {
        Path out = tmp.resolve("out");
        AnalysisOutcome outcome = Analysis.write(out, LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(),
                LabFixture.context());
        assertThat(outcome).isEqualTo(AnalysisOutcome.SOME_REFUTED);
        assertThat(out.resolve("summary.json")).isNotEmptyFile();
        assertThat(out.resolve("junit.xml")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "gain.png", "gain.svg",
                    "latency-randread-4k-read.png", "latency-randread-4k-read.svg",
                    "mean-randread-4k-read_bw.png", "mean-randread-4k-read_bw.svg",
                    "mean-randread-4k-read_iops.png", "mean-randread-4k-read_iops.svg",
                    "mean-seqwrite-1m-write_bw.png", "mean-seqwrite-1m-write_bw.svg",
                    "mean-tcp-stream-throughput.png", "mean-tcp-stream-throughput.svg");
        }
        assertThat(Files.readString(out.resolve("charts/gain.svg"))).contains("<svg");
    }

    @Test
    void reportPutsVerdictsFirstAndReferencesOnlyLocalImagesThatExist() throws IOException {
        Path out = tmp.resolve("out");
        Analysis.write(out, LabFixture.samples(), LabFixture.BASELINE, LabFixture.claims(), LabFixture.context());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);

        int verdicts = html.indexOf("id=\"verdicts\"");
        int charts = html.indexOf("id=\"charts\"");
        int comparisons = html.indexOf("id=\"comparisons\"");
        int cells = html.indexOf("id=\"cells\"");
        int run = html.indexOf("id=\"run\"");
        assertThat(verdicts).isPositive().isLessThan(charts);
        assertThat(charts).isLessThan(comparisons);
        assertThat(comparisons).isLessThan(cells);
        assertThat(cells).isLessThan(run);

        Matcher img = IMG.matcher(html);
        List<String> sources = new ArrayList<>();
        while (img.find()) {
            sources.add(img.group(1));
            BufferedImage png = ImageIO.read(out.resolve(img.group(1)).toFile());
            assertThat(png.getWidth()).isEqualTo(Integer.parseInt(img.group(2)));
            assertThat(png.getHeight()).isEqualTo(Integer.parseInt(img.group(3)));
        }
        assertThat(sources).hasSize(6).allMatch(s -> s.startsWith("charts/") && s.endsWith(".png"));
        assertThat(sources.get(0)).isEqualTo("charts/gain.png");

        assertOffline(html);
        assertThat(html).contains("virtio-disk-randread", "SUPPORTED", "REFUTED", "INCONCLUSIVE")
                .contains("5,083 IOPS").contains("Would need more than 100 boots x 2 repetitions per variant").contains("tcg").contains("qemu_version")
                .contains("domain failed to start: unsupported configuration: &lt;example &amp; &quot;quoted&quot;&gt;")
                .contains("class=\"badge partial\">partial");
    }

    @Test
    void reportSaysWhenTheEnvironmentIsNotRecorded() throws IOException {
        Path out = tmp.resolve("out");
        AnalysisOutcome outcome = Analysis.write(out, LabFixture.samples(), LabFixture.BASELINE, List.of(),
                RunContext.unknown());
        assertThat(outcome).isEqualTo(AnalysisOutcome.ALL_SUPPORTED);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Not recorded: these samples were analysed without their run's environment")
                .contains("No claims were given").contains("class=\"badge unknown\">unknown");
    }

    /** Nothing in the page may come from the network: no script, stylesheet link, import, url() or absolute URL. */
    static void assertOffline(String html) {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?\\s*(https?:|//|ftp:|data:)");
    }

    @Test
    void outcomeIsInconclusiveWhenNothingIsRefuted() {
        AnalysisResult result = Analysis.compute(LabFixture.samples(), LabFixture.BASELINE,
                List.of(LabFixture.claims().get(0), LabFixture.claims().get(2)), LabFixture.context());
        assertThat(result.outcome()).isEqualTo(AnalysisOutcome.SOME_INCONCLUSIVE);
    }

    @Test
    void verdictsAreRecomputedWithoutOutliersAndShownWhenTheyDiffer() {
        List<Sample> samples = new ArrayList<>();
        double[] base = {1000, 1010, 990, 1005, 1000};
        double[] cand = {2000, 2010, 1990, 2005, 200};
        for (int i = 0; i < base.length; i++) {
            samples.add(new Sample("ide", "randread", "read_iops", "IO/s", i + 1, base[i]));
            samples.add(new Sample("virtio", "randread", "read_iops", "IO/s", i + 1, cand[i]));
        }
        Claim claim = new Claim("virtio-disk", "virtio doubles IOPS", "ide", "virtio", "randread", "read_iops", 1.5);
        AnalysisResult result = Analysis.compute(samples, "ide", List.of(claim), RunContext.unknown());
        assertThat(result.cells().get(1).outliers()).containsExactly(4);
        assertThat(result.claims().get(0).verdict()).isEqualTo(dev.vbench.results.claims.ClaimVerdict.INCONCLUSIVE);
        assertThat(result.claims().get(0).withoutOutliers())
                .isEqualTo(dev.vbench.results.claims.ClaimVerdict.SUPPORTED);
        assertThat(result.comparisons().get(0).withoutOutliers())
                .isEqualTo(dev.vbench.results.stats.ComparisonVerdict.BETTER);
        String html = dev.vbench.results.report.ReportHtml.format(result, List.of());
        assertThat(html).contains("Without the outliers: SUPPORTED.").contains("without the outliers: better");
        assertThat(dev.vbench.results.report.SummaryJson.format(result))
                .contains("\"without_outliers\": \"SUPPORTED\"").contains("\"without_outliers\": \"better\"");
    }

    @Test
    void baselineWithoutSamplesIsBadInputUnlessItFailed() {
        List<Sample> samples = List.of(new Sample("a", "w", "read_iops", "IO/s", 1, 1));
        assertThatThrownBy(() -> Analysis.compute(samples, "b", List.of(), RunContext.unknown()))
                .isInstanceOf(ResultsInputException.class).hasMessage("baseline 'b' has no samples; choose one of a");
        RunContext failed = new RunContext(Map.of(), List.of(new VariantFailure("b", "boom")), RunStatus.PARTIAL);
        Claim claim = new Claim("c", "a beats b", "b", "a", "w", "read_iops", 1.1);
        AnalysisResult result = Analysis.compute(samples, "b", List.of(claim), failed);
        assertThat(result.comparisons()).isEmpty();
        assertThat(result.claims().get(0).reason()).isEqualTo("variant b failed: boom");
        assertThatThrownBy(() -> Analysis.compute(List.of(), "a", List.of(), RunContext.unknown()))
                .isInstanceOf(ResultsInputException.class).hasMessage("no samples to analyse; measure something first");
    }

    @Test
    void anUnwritableDirectoryIsAnIoError() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Analysis.write(file, LabFixture.samples(), LabFixture.BASELINE, List.of(),
                RunContext.unknown())).isInstanceOf(IOException.class);
    }
}
