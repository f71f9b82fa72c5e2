package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.bench.workload.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static Measurement ok(String variant, int rep, double iops) {
        return new Measurement(variant, "randread-4k", rep, Measurement.Status.OK, null,
                Instant.parse("2026-11-26T04:00:00Z"), Instant.parse("2026-11-26T04:00:10Z"),
                List.of(new Metric("read_iops", "IO/s", iops), new Metric("host_cpu", "s", 1.25)),
                "raw/" + variant + "/randread-4k-rep" + rep + ".json");
    }

    @Test
    void measurementsSurviveAReopenExactly() throws Exception {
        Measurement a = ok("ide-wt-e1000", 1, 1165.5);
        Measurement b = new Measurement("ide-wt-e1000", "tcp-tx", 1, Measurement.Status.INVALID,
                "iperf3: unable to connect to server", Instant.parse("2026-11-26T04:00:11Z"),
                Instant.parse("2026-11-26T04:00:12Z"), List.of(), null);
        try (Journal j = Journal.open(dir)) {
            j.appendMeasurement(a);
            j.appendMeasurement(b);
        }
        try (Journal j = Journal.open(dir)) {
            j.appendMeasurement(ok("virtio-wb-virtio", 1, 5181));
        }
        List<Measurement> read = Journal.measurements(Journal.read(dir));
        assertThat(read).hasSize(3);
        assertThat(read.get(0)).isEqualTo(a);
        assertThat(read.get(1)).isEqualTo(b);
        assertThat(read.get(2).metrics().get(0).value()).isEqualTo(5181);
    }

    @Test
    void aTornLastLineFromAKilledHarnessIsDroppedAndAppendingGoesOn() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.appendMeasurement(ok("a", 1, 100));
        }
        Files.writeString(dir.resolve(Journal.FILE), "{\"type\":\"measurement\",\"variant\":\"a\",\"wor",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Journal.measurements(Journal.read(dir))).hasSize(1);
        try (Journal j = Journal.open(dir)) {
            j.appendMeasurement(ok("a", 2, 200));
        }
        assertThat(Journal.measurements(Journal.read(dir))).extracting(Measurement::rep).containsExactly(1, 2);
        assertThat(Files.readString(dir.resolve(Journal.FILE))).doesNotContain("\"wor\n").endsWith("\n");
    }

    @Test
    void otherEntryTypesAreKeptButAreNotMeasurements() throws Exception {
        try (Journal j = Journal.open(dir)) {
            ObjectNode start = Journal.JSON.createObjectNode();
            start.put("type", "start");
            start.put("seed", 42);
            j.append(start);
            j.appendMeasurement(ok("a", 1, 1));
        }
        assertThat(Journal.read(dir)).hasSize(2);
        assertThat(Journal.measurements(Journal.read(dir))).hasSize(1);
    }

    @Test
    void noJournalReadsAsEmpty() throws Exception {
        assertThat(Journal.read(dir)).isEmpty();
    }
}
