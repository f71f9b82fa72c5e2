package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
    @Test
    void bytesUsePowersOf1024() {
        assertThat(Quantity.parseBytes("512")).isEqualTo(512);
        assertThat(Quantity.parseBytes("4k")).isEqualTo(4096);
        assertThat(Quantity.parseBytes("4K")).isEqualTo(4096);
        assertThat(Quantity.parseBytes("1M")).isEqualTo(1 << 20);
        assertThat(Quantity.parseBytes("2g")).isEqualTo(2L << 30);
        assertThat(Quantity.parseBytes("1t")).isEqualTo(1L << 40);
    }

    @Test
    void durationsNeedAUnit() {
        assertThat(Quantity.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantity.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantity.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quantity.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Quantity.parseDuration("30")).hasMessageContaining("add a unit: 30s");
    }

    @Test
    void bitratesUsePowersOf1000() {
        assertThat(Quantity.parseBitrate("100M")).isEqualTo(100_000_000L);
        assertThat(Quantity.parseBitrate("1G")).isEqualTo(1_000_000_000L);
        assertThat(Quantity.parseBitrate("64k")).isEqualTo(64_000L);
        assertThatThrownBy(() -> Quantity.parseBitrate("999999999999G")).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4k; reboot", "4k ", " 4k", "4kb", "4KiB", "-4k", "4.5k", "0x10", "4k\nx", "$(id)", "",
            "1e3", "9999999999999999k"})
    void sizesOutsideTheGrammarAreRejected(String text) {
        assertThatThrownBy(() -> Quantity.parseBytes(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30 s", "30sec", "1d", "-1s", "1.5s", "s", "30s;x", "PT30S"})
    void durationsOutsideTheGrammarAreRejected(String text) {
        assertThatThrownBy(() -> Quantity.parseDuration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatIsTheShortestExactSpelling() {
        assertThat(Quantity.formatBytes(4096)).isEqualTo("4k");
        assertThat(Quantity.formatBytes(1536)).isEqualTo("1536");
        assertThat(Quantity.formatBytes(2L << 30)).isEqualTo("2g");
        assertThat(Quantity.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Quantity.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Quantity.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Quantity.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Quantity.formatBitrate(100_000_000L)).isEqualTo("100M");
        for (String s : new String[] {"4k", "1m", "3g", "512"}) {
            assertThat(Quantity.formatBytes(Quantity.parseBytes(s))).isEqualTo(s);
        }
    }
}
