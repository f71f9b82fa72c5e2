package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void sumsUtimeAndStime() {
        // captured /proc/1/stat: utime 194, stime 367 ticks -> 5.61 s
        String line = "1 (process_api) S 0 0 0 0 -1 4194560 21293 3594982 0 709 194 367 4412 2131 10 -10 13 0 23"
                + " 43261952 3036 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        assertThat(ProcStat.cpuNanos(line)).isEqualTo(5_610_000_000L);
    }

    @Test
    void commandNameWithSpacesAndParentheses() {
        // captured from a copy of sleep named "a b) (c", utime/stime edited to 7 and 3 ticks (it had used none)
        String line = "23154 (a b) (c) S 23141 23141 5770 0 -1 4194304 136 0 0 0 7 3 0 0 20 0 1 0 72372 2990080 414"
                + " 18446744073709551615 94501748740096 94501748758025 140734867265984 0 0 0 0 6 0 1 0 0 17 1 0 0 0 0 0";
        assertThat(ProcStat.cpuNanos(line)).isEqualTo(100_000_000L);
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> ProcStat.cpuNanos("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuNanos("1 (x) S 0 0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
        assertThatThrownBy(() -> ProcStat.cpuNanos("1 (x) S 0 0 0 0 -1 0 0 0 0 0 a b 0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not numbers");
    }
}
