package dev.vbench.results.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.durability.DurabilitySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speed/safety chart: drawn as PNG and SVG when there are cells, not at all without. */
class DurabilityChartTest {
    @TempDir
    Path dir;

    @Test
    void drawsBothFilesOfTheTradeOff() throws IOException {
        DurabilitySummary summary = dev.vbench.results.DurabilityGoldenFilesTest.summary();
        List<ChartFile> files = DurabilityChart.render(summary, dir, "charts");
        assertThat(files).containsExactly(new ChartFile("durability", "Speed and safety: write IOPS and host crashes"
                + " that lost acknowledged writes", "charts/durability.png", "charts/durability.svg", 900, 520));
        byte[] png = Files.readAllBytes(dir.resolve("charts/durability.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(dir.resolve("charts/durability.svg"))).contains("<svg", "width=\"900px\"");
        assertThat(DurabilityChart.render(new DurabilitySummary(List.of(), List.of()), dir, "c")).isEmpty();
    }
}
