package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.workload.Metric;
import dev.vbench.results.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    /** Lines as the journal wrote them before it was written through records: a resume must still read them. */
    static final List<String> LINES = List.of(
            "{\"type\":\"start\",\"run_id\":\"r1\",\"seed\":42,\"time\":\"2026-11-26T04:00:00Z\",\"resumed\":false,"
                    + "\"plan_file\":\"/plans/smoke.yaml\"}",
            "{\"type\":\"environment\",\"accelerator\":\"tcg\",\"host_kernel\":\"6.1.0\"}",
            "{\"type\":\"variant\",\"record\":{\"variant\":\"ide-wt-e1000\",\"status\":\"ready\",\"reason\":null,"
                    + "\"domain\":\"vbench-r1-ide-wt-e1000\",\"address\":\"192.168.150.20\",\"guestKernel\":\"6.1.0\","
                    + "\"dataDevice\":\"/dev/sda\",\"deviceEvidence\":\"vbench-devices v1\\nend\\n\","
                    + "\"domainXml\":\"<domain/>\"}}",
            "{\"type\":\"variant\",\"record\":{\"variant\":\"virtio-wb-virtio\",\"status\":\"failed\","
                    + "\"reason\":\"boot 1: ssh lost\",\"domain\":null,\"address\":null,\"guestKernel\":null,"
                    + "\"dataDevice\":null,\"deviceEvidence\":null,\"domainXml\":null}}",
            "{\"type\":\"measurement\",\"variant\":\"ide-wt-e1000\",\"workload\":\"randread-4k\",\"boot\":1,\"rep\":1,"
                    + "\"status\":\"ok\",\"start\":\"2026-11-26T04:00:00Z\",\"end\":\"2026-11-26T04:00:10Z\","
                    + "\"metrics\":[{\"name\":\"read_iops\",\"unit\":\"IO/s\",\"value\":1165.5},"
                    + "{\"name\":\"host_cpu\",\"unit\":\"s\",\"value\":1.25}],"
                    + "\"raw\":\"raw/ide-wt-e1000/boot1/randread-4k-rep1.json\"}",
            "{\"type\":\"measurement\",\"variant\":\"ide-wt-e1000\",\"workload\":\"tcp-tx\",\"boot\":1,\"rep\":1,"
                    + "\"status\":\"invalid\",\"reason\":\"iperf3: unable to connect to server\","
                    + "\"start\":\"2026-11-26T04:00:11Z\",\"end\":\"2026-11-26T04:00:12Z\",\"metrics\":[]}",
            "{\"type\":\"end\",\"status\":\"partial\",\"time\":\"2026-11-26T04:05:00Z\"}");

    @TempDir
    Path dir;

    static Measurement ok(String variant, int rep, double iops) {
        return new Measurement(variant, "randread-4k", 1, rep, Measurement.Status.OK, null,
                Instant.parse("2026-11-26T04:00:00Z"), Instant.parse("2026-11-26T04:00:10Z"),
                List.of(new Metric("read_iops", "IO/s", iops), new Metric("host_cpu", "s", 1.25)),
                "raw/" + variant + "/boot1/randread-4k-rep" + rep + ".json");
    }

    static Measurement invalid() {
        return new Measurement("ide-wt-e1000", "tcp-tx", 1, 1, Measurement.Status.INVALID,
                "iperf3: unable to connect to server", Instant.parse("2026-11-26T04:00:11Z"),
                Instant.parse("2026-11-26T04:00:12Z"), List.of(), null);
    }

    static VariantRecord ready() {
        return new VariantRecord("ide-wt-e1000", "ready", null, "vbench-r1-ide-wt-e1000", "192.168.150.20", "6.1.0",
                "/dev/sda", "vbench-devices v1\nend\n", "<domain/>");
    }

    @Test
    void eventsBecomeTheSameLinesAsBeforeKeyForKey() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.on(new RunEvent.Started("r1", 42, Instant.parse("2026-11-26T04:00:00Z"), false, "/plans/smoke.yaml"));
            j.on(new RunEvent.EnvironmentKnown(Map.of("host_kernel", "6.1.0", "accelerator", "tcg")));
            j.on(new RunEvent.Note("booting ide-wt-e1000"));
            j.on(new RunEvent.VariantReady(ready()));
            j.on(new RunEvent.VariantFailed(VariantRecord.failed("virtio-wb-virtio", "boot 1: ssh lost"), "ssh"));
            j.on(new RunEvent.Measured(ok("ide-wt-e1000", 1, 1165.5), "{}"));
            j.on(new RunEvent.Measured(invalid(), null));
            j.on(new RunEvent.Ended(RunStatus.PARTIAL, Instant.parse("2026-11-26T04:05:00Z")));
        }
        assertThat(Files.readAllLines(dir.resolve(Journal.FILE))).containsExactlyElementsOf(LINES);
    }

    @Test
    void aJournalWrittenBeforeTheRecordsIsReadBack() throws Exception {
        Files.writeString(dir.resolve(Journal.FILE), String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        List<JournalEntry> entries = Journal.read(dir);
        assertThat(entries).hasSize(7);
        assertThat(Journal.start(entries)).contains(new JournalEntry.Start("r1", 42, "2026-11-26T04:00:00Z", false,
                "/plans/smoke.yaml"));
        assertThat(entries.get(1)).isEqualTo(new JournalEntry.Environment(Map.of("accelerator", "tcg",
                "host_kernel", "6.1.0")));
        assertThat(entries.get(2)).isEqualTo(new JournalEntry.VariantEntry(ready()));
        assertThat(Journal.measurements(entries)).containsExactly(ok("ide-wt-e1000", 1, 1165.5), invalid());
        assertThat(entries.get(6)).isEqualTo(new JournalEntry.End("partial", "2026-11-26T04:05:00Z"));
    }

    @Test
    void aMeasurementLineOfAnOlderVbenchWithoutBootsIsBootOne() throws Exception {
        Files.writeString(dir.resolve(Journal.FILE), LINES.get(0) + "\n"
                + LINES.get(4).replace("\"boot\":1,", "").replace("\"rep\":1", "\"rep\":2") + "\n",
                StandardCharsets.UTF_8);
        Measurement m = Journal.measurements(Journal.readAll(dir).entries()).get(0);
        assertThat(m.boot()).isEqualTo(1);
        assertThat(m.rep()).isEqualTo(2);
    }

    @Test
    void measurementsSurviveAReopenExactly() throws Exception {
        Measurement a = ok("ide-wt-e1000", 1, 1165.5);
        try (Journal j = Journal.open(dir)) {
            j.append(JournalEntry.MeasurementEntry.of(a));
            j.append(JournalEntry.MeasurementEntry.of(invalid()));
        }
        try (Journal j = Journal.open(dir)) {
            j.append(JournalEntry.MeasurementEntry.of(ok("virtio-wb-virtio", 1, 5181)));
        }
        List<Measurement> read = Journal.measurements(Journal.read(dir));
        assertThat(read).hasSize(3);
        assertThat(read.get(0)).isEqualTo(a);
        assertThat(read.get(1)).isEqualTo(invalid());
        assertThat(read.get(2).metrics().get(0).value()).isEqualTo(5181);
    }

    @Test
    void aTornLastLineFromAKilledHarnessIsDroppedAndAppendingGoesOn() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.append(JournalEntry.MeasurementEntry.of(ok("a", 1, 100)));
        }
        Files.writeString(dir.resolve(Journal.FILE), "{\"type\":\"measurement\",\"variant\":\"a\",\"wor",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Journal.measurements(Journal.read(dir))).hasSize(1);
        try (Journal j = Journal.open(dir)) {
            j.append(JournalEntry.MeasurementEntry.of(ok("a", 2, 200)));
        }
        assertThat(Journal.measurements(Journal.read(dir))).extracting(Measurement::rep).containsExactly(1, 2);
        assertThat(Files.readString(dir.resolve(Journal.FILE))).doesNotContain("\"wor\n").endsWith("\n");
    }

    @Test
    void otherEntryTypesAreKeptButAreNotMeasurementsAndUnknownTypesAreSkipped() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.append(new JournalEntry.Start("r1", 42, "2026-11-26T04:00:00Z", false, null));
            j.append(JournalEntry.MeasurementEntry.of(ok("a", 1, 1)));
        }
        Files.writeString(dir.resolve(Journal.FILE), "{\"type\":\"note-from-a-newer-vbench\",\"x\":1}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Journal.read(dir)).hasSize(2);
        assertThat(Journal.measurements(Journal.read(dir))).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve(Journal.FILE)).get(0)).doesNotContain("plan_file");
    }

    @Test
    void linesThatAreNotEntriesAreSkippedWithTheirNumbersAndTheRestIsRead() throws Exception {
        byte[] notUtf8 = {'{', '"', (byte) 0xff, '"', '}'};
        String longLine = "{\"type\":\"end\",\"status\":\"" + "x".repeat(Journal.MAX_LINE_BYTES) + "\"}";
        try (var out = Files.newOutputStream(dir.resolve(Journal.FILE))) {
            out.write((LINES.get(0) + "\nnot json at all\n").getBytes(StandardCharsets.UTF_8));
            out.write(notUtf8);
            out.write(("\n" + LINES.get(4) + "\n" + longLine + "\n\n" + LINES.get(6) + "\n{\"type\":\"end\",")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Journal.Contents read = Journal.readAll(dir);
        assertThat(read.entries()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Start", "MeasurementEntry", "End");
        assertThat(read.skipped()).extracting(Journal.Skipped::line).containsExactly(2, 3, 5);
        assertThat(read.skipped().get(0).problem()).startsWith("not a journal entry (Unrecognized token 'not'")
                .doesNotContain("\n");
        assertThat(read.skipped().get(1).problem()).isEqualTo("not UTF-8 text, not a journal entry");
        assertThat(read.skipped().get(2).problem()).isEqualTo("longer than 16 MiB, not a journal entry");
    }

    @Test
    void aTornTailLongerThanTheReadChunkIsCutBackToTheLastLineEnd() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.append(JournalEntry.MeasurementEntry.of(ok("a", 1, 100)));
        }
        long whole = Files.size(dir.resolve(Journal.FILE));
        Files.writeString(dir.resolve(Journal.FILE), "{\"type\":\"measurement\",\"reason\":\"" + "y".repeat(20_000),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Journal.open(dir).close();
        assertThat(Files.size(dir.resolve(Journal.FILE))).isEqualTo(whole);
        Files.writeString(dir.resolve(Journal.FILE), "no line end at all", StandardCharsets.UTF_8);
        Journal.open(dir).close();
        assertThat(Files.size(dir.resolve(Journal.FILE))).isZero();
    }

    @Test
    void noJournalReadsAsEmpty() throws Exception {
        assertThat(Journal.read(dir)).isEmpty();
        assertThat(Journal.start(Journal.read(dir))).isEmpty();
    }
}
