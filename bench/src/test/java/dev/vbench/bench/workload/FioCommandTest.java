package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FioCommandTest {
    static FioJob job(String rw, Integer rwmixread, int ramp, Integer fsync) {
        return new FioJob("randwrite-4k", rw, "4k", 16, 1, "1g", 30, ramp, rwmixread, fsync, true, "libaio");
    }

    @Test
    void buildsATimeBasedGroupReportedJsonJob() {
        assertThat(FioCommand.argv(job("randwrite", null, 0, null), "/dev/vdb")).containsExactly("fio",
                "--name=randwrite-4k", "--filename=/dev/vdb", "--rw=randwrite", "--bs=4k", "--iodepth=16",
                "--numjobs=1", "--size=1g", "--time_based", "--runtime=30s", "--direct=1", "--ioengine=libaio",
                "--group_reporting", "--output-format=json");
    }

    @Test
    void addsMixRampAndFsyncOnlyWhenAsked() {
        List<String> argv = FioCommand.argv(job("randrw", 70, 5, 32), "/dev/sdb");
        assertThat(argv).contains("--rw=randrw", "--rwmixread=70", "--ramp_time=5s", "--fsync=32");
        assertThat(argv.indexOf("--rwmixread=70")).isEqualTo(argv.indexOf("--rw=randrw") + 1);
        assertThat(FioCommand.argv(job("randrw", null, 0, 0), "/dev/sdb"))
                .noneMatch(a -> a.startsWith("--rwmixread") || a.startsWith("--ramp_time") || a.startsWith("--fsync"));
        FioJob buffered = new FioJob("seq", "read", "1m", 1, 4, "100%", 10, 0, null, null, false, "psync");
        assertThat(FioCommand.argv(buffered, "/dev/vdb")).contains("--direct=0", "--ioengine=psync", "--numjobs=4",
                "--size=100%", "--bs=1m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vdb", "/dev/vdb; reboot", "/dev/vd b", "/dev/../etc/passwd", "/dev/./vdb", "/dev/vdb/..",
        "", "/", "/dev/$(id)", "-/dev/vdb"})
    void refusesADeviceThatIsNotAPlainAbsolutePath(String device) {
        assertThatThrownBy(() -> FioCommand.argv(job("read", null, 0, null), device))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fio device");
    }

    @Test
    void jobValuesFollowAStrictGrammar() {
        assertThatThrownBy(() -> new FioJob("j", "randread", "4k; reboot", 1, 1, "1g", 10, 0, null, null, true,
                "libaio")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bs '4k; reboot'");
        assertThatThrownBy(() -> new FioJob("j", "randread", "4k", 1, 1, "1g$(reboot)", 10, 0, null, null, true,
                "libaio")).hasMessageContaining("size '1g$(reboot)'");
        assertThatThrownBy(() -> new FioJob("j k", "randread", "4k", 1, 1, "1g", 10, 0, null, null, true, "libaio"))
                .hasMessageContaining("name 'j k'");
        assertThatThrownBy(() -> new FioJob("j", "randread --exec", "4k", 1, 1, "1g", 10, 0, null, null, true,
                "libaio")).hasMessageContaining("rw 'randread --exec'");
        assertThatThrownBy(() -> new FioJob("j", "randread", "4k", 1, 1, "1g", 10, 0, null, null, true,
                "libaio,exec")).hasMessageContaining("ioengine 'libaio,exec'");
        assertThatThrownBy(() -> new FioJob("j", "randread", "0", 1, 1, "1g", 10, 0, null, null, true, "libaio"))
                .hasMessageContaining("bs '0'");
        assertThatThrownBy(() -> new FioJob("j", "randread", "4k", 1, 1, "101%", 10, 0, null, null, true, "libaio"))
                .hasMessageContaining("size '101%'");
    }

    @Test
    void jobNumbersAreRangeChecked() {
        assertThatThrownBy(() -> new FioJob("j", "read", "4k", 0, 1, "1g", 10, 0, null, null, true, "libaio"))
                .hasMessageContaining("iodepth 0 is out of range 1..4096");
        assertThatThrownBy(() -> new FioJob("j", "read", "4k", 1, 1, "1g", 0, 0, null, null, true, "libaio"))
                .hasMessageContaining("runtimeSeconds 0");
        assertThatThrownBy(() -> new FioJob("j", "read", "4k", 1, 1, "1g", 10, -1, null, null, true, "libaio"))
                .hasMessageContaining("rampTimeSeconds -1");
        assertThatThrownBy(() -> new FioJob("j", "randread", "4k", 1, 1, "1g", 10, 0, 50, null, true, "libaio"))
                .hasMessageContaining("rwmixread only applies to rw or randrw");
        assertThatThrownBy(() -> new FioJob("j", "randrw", "4k", 1, 1, "1g", 10, 0, 101, null, true, "libaio"))
                .hasMessageContaining("rwmixread 101");
        assertThatThrownBy(() -> new FioJob("j", "randrw", "4k", 1, 1, "1g", 10, 0, null, -1, true, "libaio"))
                .hasMessageContaining("fsync -1");
    }
}
