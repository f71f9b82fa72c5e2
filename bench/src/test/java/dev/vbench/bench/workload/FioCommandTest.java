package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.InvalidSpecException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FioCommandTest {
    static FioSpec job(String rw, Integer rwmixread, int ramp, int fsync) {
        return new FioSpec(rw, 4096, 16, 1, 1L << 30, Duration.ofSeconds(30), Duration.ofSeconds(ramp), rwmixread,
                fsync, true, "libaio", null);
    }

    @Test
    void buildsATimeBasedGroupReportedJsonJobWithSizesInBytes() {
        assertThat(FioCommand.argv("randwrite-4k", job("randwrite", null, 0, 0), "/dev/vdb")).containsExactly("fio",
                "--name=randwrite-4k", "--filename=/dev/vdb", "--rw=randwrite", "--bs=4096", "--iodepth=16",
                "--numjobs=1", "--size=1073741824", "--time_based", "--runtime=30s", "--direct=1", "--ioengine=libaio",
                "--group_reporting", "--output-format=json");
    }

    @Test
    void addsMixRampAndFsyncOnlyWhenAsked() {
        List<String> argv = FioCommand.argv("mixed", job("randrw", 70, 5, 32), "/dev/sdb");
        assertThat(argv).contains("--rw=randrw", "--rwmixread=70", "--ramp_time=5s", "--fsync=32");
        assertThat(argv.indexOf("--rwmixread=70")).isEqualTo(argv.indexOf("--rw=randrw") + 1);
        assertThat(FioCommand.argv("mixed", job("randrw", null, 0, 0), "/dev/sdb"))
                .noneMatch(a -> a.startsWith("--rwmixread") || a.startsWith("--ramp_time") || a.startsWith("--fsync"));
        FioSpec buffered = new FioSpec("read", 1 << 20, 1, 4, 2L << 30, Duration.ofSeconds(10), Duration.ZERO, null,
                0, false, "psync", null);
        assertThat(FioCommand.argv("seq", buffered, "/dev/vdb")).contains("--direct=0", "--ioengine=psync",
                "--numjobs=4", "--size=2147483648", "--bs=1048576");
    }

    @Test
    void capsEachJobsIopsOnlyWhenAsked() {
        FioSpec capped = new FioSpec("randrw", 4096, 8, 2, 1L << 30, Duration.ofSeconds(30), Duration.ZERO, 70, 0,
                true, "libaio", 500);
        List<String> argv = FioCommand.argv("capped", capped, "/dev/vdb");
        assertThat(argv).contains("--rate_iops=500").containsSubsequence("--ioengine=libaio", "--rate_iops=500",
                "--group_reporting");
        assertThat(FioCommand.argv("capped", capped.forWarmup(Duration.ofSeconds(3)), "/dev/vdb"))
                .contains("--rate_iops=500");
        assertThat(FioCommand.argv("free", job("randrw", 70, 0, 0), "/dev/vdb"))
                .noneMatch(a -> a.startsWith("--rate_iops"));
    }

    @Test
    void aWarmUpIsTheSameJobCutShortWithoutRampTime() {
        FioSpec warmup = job("randrw", 70, 5, 32).forWarmup(Duration.ofSeconds(3));
        assertThat(FioCommand.argv("w", warmup, "/dev/vdb")).contains("--runtime=3s", "--rwmixread=70", "--fsync=32")
                .noneMatch(a -> a.startsWith("--ramp_time"));
        FioSpec shortJob = new FioSpec("read", 4096, 1, 1, 1L << 20, Duration.ofSeconds(2), Duration.ZERO, null, 0,
                true, "libaio", 250);
        assertThat(shortJob.forWarmup(Duration.ofSeconds(3))).isEqualTo(shortJob);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vdb", "/dev/vdb; reboot", "/dev/vd b", "/dev/../etc/passwd", "/dev/./vdb", "/dev/vdb/..",
        "", "/", "/dev/$(id)", "-/dev/vdb"})
    void refusesADeviceThatIsNotAPlainAbsolutePath(String device) {
        assertThatThrownBy(() -> FioCommand.argv("j", job("read", null, 0, 0), device))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fio device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"j k", "", "-j", "j;reboot", "$(id)"})
    void refusesAJobNameOutsideItsGrammar(String name) {
        assertThatThrownBy(() -> FioCommand.argv(name, job("read", null, 0, 0), "/dev/vdb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fio job name '" + name + "'");
    }

    @Test
    void theSpecAcceptsOnlyItsClosedSetsSoNoValueCanCarryAnotherArgument() {
        assertThatThrownBy(() -> job("randread --exec", null, 0, 0)).isInstanceOfSatisfying(
                InvalidSpecException.class, e -> assertThat(e.key()).isEqualTo("rw"));
        assertThatThrownBy(() -> new FioSpec("read", 4096, 1, 1, 1L << 20, Duration.ofSeconds(1), Duration.ZERO, null,
                0, true, "libaio,exec", null)).isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.key()).isEqualTo("ioengine"));
        assertThatThrownBy(() -> new FioSpec("read", 4096, 1, 1, 1L << 20, Duration.ofMillis(1500), Duration.ZERO,
                null, 0, true, "libaio", null)).hasMessageContaining("not a whole number of seconds");
    }
}
