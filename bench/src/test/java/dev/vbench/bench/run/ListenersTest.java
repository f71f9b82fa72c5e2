package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.workload.Metric;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress and raw-output listeners, and how events reach listeners. */
class ListenersTest {
    static final Instant T = Instant.parse("2026-11-26T04:00:00Z");

    @TempDir
    Path dir;

    static Measurement ok(String variant, int rep, Metric... metrics) {
        return new Measurement(variant, "randread-4k", 1, rep, Measurement.Status.OK, null, T, T, List.of(metrics),
                RawOutput.measurementFile(variant, "randread-4k", 1, rep));
    }

    @Test
    void progressCountsFromWhatWasDoneBeforeAndShowsTheFirstPrimaryMetric() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text));
        progress.on(new RunEvent.Note("booting a"));
        progress.on(new RunEvent.MeasuringStarted(4, 1, true));
        progress.on(new RunEvent.Measured(ok("a", 2, new Metric("host_cpu", "s", 1.5),
                new Metric("read_iops", "IO/s", 1165.5), new Metric("read_bw", "B/s", 4.7e6)), "{}"));
        progress.on(new RunEvent.Measured(new Measurement("b", "randread-4k", 2, 1, Measurement.Status.INVALID,
                "fio: no I/O", T, T, List.of(), null), null));
        progress.on(new RunEvent.VariantFailed(VariantRecord.failed("b", "boot 2: ssh lost"), "ssh lost"));
        progress.on(new RunEvent.Measured(ok("a", 3, new Metric("host_cpu", "s", 1.5)), "{}"));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("        booting a");
        assertThat(lines.get(1))
                .startsWith("[2/4] a boot 1 randread-4k rep 2: read_iops 1.17k IO/s (at most 2 left, about ");
        assertThat(lines.get(2))
                .startsWith("[3/4] b boot 2 randread-4k rep 1: invalid: fio: no I/O (at most 1 left, about ");
        assertThat(lines.get(3)).isEqualTo("        variant b FAILED: ssh lost");
        assertThat(lines.get(4)).startsWith("[4/4] a boot 1 randread-4k rep 3: ok (at most 0 left, about 0s)");
    }

    @Test
    void rawOutputKeepsEachOkMeasurementsAndWarmUpsOutputAndNothingOfFailedOnes() throws Exception {
        RawOutput raw = new RawOutput(dir);
        raw.on(new RunEvent.WarmedUp("a", 1, "randread-4k", "{\"warm\":1}"));
        raw.on(new RunEvent.Measured(ok("a", 1), "{\"jobs\":[]}"));
        raw.on(new RunEvent.Measured(new Measurement("a", "randread-4k", 1, 2, Measurement.Status.FAILED, "timeout",
                T, T, List.of(), null), null));
        assertThat(Files.readString(dir.resolve("raw/a/boot1/warmup-randread-4k.json"))).isEqualTo("{\"warm\":1}");
        assertThat(Files.readString(dir.resolve("raw/a/boot1/randread-4k-rep1.json"))).isEqualTo("{\"jobs\":[]}");
        try (var files = Files.list(dir.resolve("raw/a/boot1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "warmup-randread-4k.json", "randread-4k-rep1.json");
        }
        assertThat(raw.serverLog("a", "tcp-tx", 2, 3)).isEqualTo(dir.resolve("raw/a/boot2/tcp-tx-rep3-server.log"));
        assertThat(raw.serverLog("a", "tcp-tx", 1, 0)).isEqualTo(dir.resolve("raw/a/boot1/warmup-tcp-tx-server.log"));
    }

    @Test
    void aLinkPlantedInTheRawDirectoryIsNeverWrittenThrough() throws Exception {
        Path canary = Files.createDirectories(dir.resolve("canary"));
        Files.createDirectories(dir.resolve("raw"));
        Files.createSymbolicLink(dir.resolve("raw/a"), canary);
        assertThatThrownBy(() -> new RawOutput(dir).on(new RunEvent.Measured(ok("a", 1), "{}")))
                .isInstanceOf(OutputException.class).hasMessageContaining("raw/a: is a symbolic link");
        try (var files = Files.list(canary)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRawFileThatCannotBeWrittenFailsTheEvent() throws Exception {
        Files.writeString(dir.resolve("raw"), "a file where the directory should be");
        assertThatThrownBy(() -> new RawOutput(dir).on(new RunEvent.Measured(ok("a", 1), "{}")))
                .isInstanceOf(OutputException.class).hasMessageContaining("the run directory " + dir).hasMessageContaining("exists and is not a directory");
    }

    @Test
    void allListenersHearEachEventInOrder() {
        List<String> heard = new ArrayList<>();
        RunListener all = RunListener.all(List.of(e -> heard.add("journal " + e.getClass().getSimpleName()),
                e -> heard.add("progress " + e.getClass().getSimpleName())));
        all.on(new RunEvent.Note("x"));
        all.on(new RunEvent.MeasuringStarted(1, 0, false));
        assertThat(heard).containsExactly("journal Note", "progress Note", "journal MeasuringStarted",
                "progress MeasuringStarted");
    }
}
