package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.durability.DurabilityTrial;
import dev.vbench.results.durability.FsckOutcome;
import dev.vbench.results.durability.TrialCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTrialTest {
    static final CrashTrial LOST = new CrashTrial(DurabilityTrial.valid("unsafe", "synced", 1, new TrialCheck(120,
            120, LongStream.range(0, TrialCheck.LISTED).boxed().toList(), 0, 0, 1L, 1L, 0, List.of(), -1, 524_288,
            FsckOutcome.NOT_RUN)),
            "18446744073709551615", 4.25, "2026-12-04T12:00:00Z", List.of(), null);
    static final CrashTrial EXT4 = new CrashTrial(DurabilityTrial.valid("writeback", "synced-ext4", 2,
            new TrialCheck(40, 0, List.of(), 41, 1, 1L, 0L, 2, List.of(40L, 41L), 40, 43, FsckOutcome.ERRORS)), "7", 3,
            "2026-12-04T12:01:00Z", List.of("Inode 12 has illegal block(s)."),
            "the writer had ended before the crash (exit status 0)");
    static final CrashTrial FAILED = new CrashTrial(DurabilityTrial.failed("none", "synced", 3,
            "the guest did not boot"), "9", 5, "2026-12-04T12:02:00Z", List.of(), null);

    @TempDir
    Path dir;

    @Test
    void trialsAreAppendedAsJsonLinesAndReadBackAsWritten() throws Exception {
        assertThat(CrashTrials.read(dir)).isEmpty();
        for (CrashTrial t : List.of(LOST, EXT4, FAILED)) {
            CrashTrials.append(dir.resolve(CrashTrials.FILE), t);
        }
        assertThat(Files.readAllLines(dir.resolve(CrashTrials.FILE))).hasSize(3)
                .first().asString().contains("\"acked_lost\":120").contains("\"lost_seqs\":[0,1,2,")
                .contains("\"nonce\":\"18446744073709551615\"").contains("\"unacked\":1,\"unacked_lost\":1,");
        assertThat(CrashTrials.read(dir)).containsExactly(LOST, EXT4, FAILED);
    }

    @Test
    void aLineWrittenBeforeTheWriterAnnouncedItsWritesReadsAsNotRecorded() throws Exception {
        CrashTrials.append(dir.resolve(CrashTrials.FILE), LOST);
        Path file = dir.resolve(CrashTrials.FILE);
        String line = Files.readString(file);
        Files.writeString(file, line.replace("\"unacked\":1,\"unacked_lost\":1,", ""));
        assertThat(Files.readString(file)).doesNotContain("unacked\"").doesNotContain("unacked_lost");

        TrialCheck old = CrashTrials.read(dir).get(0).result().check();
        assertThat(old.unackedRecorded()).isFalse();
        assertThat(old.unacked()).isNull();
        assertThat(old.unackedLost()).isNull();
        assertThat(old.ackedLost()).isEqualTo(120);
        assertThat(CrashTrials.read(dir).get(0).describe()).isEqualTo("unsafe / synced crash trial 1: crash after"
                + " 4.3 s, 120 records acknowledged, 120 of them lost (from seq 0), 0 unacknowledged present,"
                + " 0 corrupt");
    }

    @Test
    void describeSaysWhatTheHostFound() {
        assertThat(LOST.describe()).isEqualTo("unsafe / synced crash trial 1: crash after 4.3 s, 120 records"
                + " acknowledged, 120 of them lost (from seq 0), 1 of 1 issued unacknowledged records lost,"
                + " 0 unacknowledged present, 0 corrupt");
        assertThat(EXT4.describe()).endsWith("0 of them lost, 0 of 1 issued unacknowledged records lost,"
                + " 1 unacknowledged present, 2 corrupt, fsck errors; the writer had ended before the crash"
                + " (exit status 0)");
        assertThat(FAILED.describe()).isEqualTo("none / synced crash trial 3: not carried out: the guest did not"
                + " boot");
    }
}
