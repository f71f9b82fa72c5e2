package dev.vbench.results.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on crafted targets: intact, and damaged in each way a crash (or a bug) can damage them. */
class DurabilityCheckerTest {
    private static final long NONCE = 0x5EEDL;
    private static final int SLOT = DurabilityRecord.SLOT;

    @TempDir
    Path tmp;

    @Test
    void anIntactRunLosesNothing() throws IOException {
        byte[] disk = records(10, 16);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c).isEqualTo(new TrialCheck(10, 0, List.of(), 10, 0, 0L, 0L, 0, List.of(), 9, 16,
                FsckOutcome.NOT_RUN));
    }

    @Test
    void aZeroedAckedRecordIsLost() throws IOException {
        byte[] disk = records(10, 10);
        Arrays.fill(disk, 4 * SLOT, 5 * SLOT, (byte) 0);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.ackedLost()).isEqualTo(1);
        assertThat(c.lostSeqs()).containsExactly(4L);
        assertThat(c.corrupt()).isZero();
        assertThat(c.recordsPresent()).isEqualTo(9);
    }

    @Test
    void aTornRecordIsCorruptAndLost() throws IOException {
        byte[] disk = records(10, 10);
        Arrays.fill(disk, 6 * SLOT + SLOT / 2, 7 * SLOT, (byte) 0);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.corrupt()).isEqualTo(1);
        assertThat(c.corruptSlots()).containsExactly(6L);
        assertThat(c.lostSeqs()).containsExactly(6L);
    }

    @Test
    void aRecordOfAnotherTrialIsStale() throws IOException {
        byte[] disk = records(10, 10);
        System.arraycopy(DurabilityRecord.encode(NONCE + 1, 3, 0), 0, disk, 3 * SLOT, SLOT);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.corruptSlots()).containsExactly(3L);
        assertThat(c.lostSeqs()).containsExactly(3L);
    }

    @Test
    void aFlippedBitFailsTheCrc() throws IOException {
        byte[] disk = records(10, 10);
        disk[2 * SLOT + 1000] ^= 0x10;
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.corruptSlots()).containsExactly(2L);
        assertThat(c.lostSeqs()).containsExactly(2L);
    }

    @Test
    void unackedRecordsPresentAreCountedNotLost() throws IOException {
        byte[] disk = records(12, 20);
        TrialCheck c = check(disk, acked(0, 9));
        assertThat(c.ackedLost()).isZero();
        assertThat(c.recordsPresent()).isEqualTo(12);
        assertThat(c.unackedPresent()).isEqualTo(3);
        assertThat(c.highestValidSeq()).isEqualTo(11);
    }

    @Test
    void aRecordInTheWrongSlotIsCorrupt() throws IOException {
        byte[] disk = records(10, 10);
        System.arraycopy(DurabilityRecord.encode(NONCE, 8, 0), 0, disk, 9 * SLOT, SLOT);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.corruptSlots()).containsExactly(9L);
        assertThat(c.lostSeqs()).containsExactly(9L);
        assertThat(c.highestValidSeq()).isEqualTo(8);
    }

    @Test
    void aTargetShorterThanTheAckedRangeLosesTheRest() throws IOException {
        byte[] disk = Arrays.copyOf(records(10, 10), 6 * SLOT + 100);
        TrialCheck c = check(disk, acked(0, 10));
        assertThat(c.slots()).isEqualTo(7);
        assertThat(c.corruptSlots()).containsExactly(6L);
        assertThat(c.lostSeqs()).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void anEmptyTargetLosesEverythingAcked() throws IOException {
        TrialCheck c = check(new byte[0], acked(0, 3));
        assertThat(c).isEqualTo(new TrialCheck(3, 3, List.of(0L, 1L, 2L), 0, 0, 0L, 0L, 0, List.of(), -1, 0,
                FsckOutcome.NOT_RUN));
        assertThat(check(new byte[0], new long[0]).ackedLost()).isZero();
    }

    @Test
    void listsAreCappedCountsAreNotAndChunksJoin() throws IOException {
        int n = DurabilityChecker.CHUNK_SLOTS * 2 + 5;
        byte[] disk = new byte[n * SLOT];
        for (int s = 0; s < n; s += 2) {
            System.arraycopy(DurabilityRecord.encode(NONCE, s, 2), 0, disk, s * SLOT, SLOT);
        }
        for (int s = 1; s < n; s += 4) {
            disk[s * SLOT] = 1;
        }
        TrialCheck c = check(disk, acked(0, n));
        long odd = n / 2;
        assertThat(c.ackedLost()).isEqualTo(odd);
        assertThat(c.lostSeqs()).hasSize(TrialCheck.LISTED).startsWith(1L, 3L, 5L);
        assertThat(c.corrupt()).isEqualTo((n + 2) / 4);
        assertThat(c.corruptSlots()).hasSize(TrialCheck.LISTED).startsWith(1L, 5L, 9L);
        assertThat(c.recordsPresent()).isEqualTo(n - odd);
        assertThat(c.highestValidSeq()).isEqualTo(n - 1);
    }

    @Test
    void anIssuedUnacknowledgedRecordFoundIsNotLost() throws IOException {
        byte[] disk = records(11, 16);
        TrialCheck c = check(disk, acked(0, 10), 11);
        assertThat(c).isEqualTo(new TrialCheck(10, 0, List.of(), 11, 1, 1L, 0L, 0, List.of(), 10, 16,
                FsckOutcome.NOT_RUN));
    }

    @Test
    void anIssuedUnacknowledgedRecordNotFoundIsLost() throws IOException {
        byte[] disk = records(10, 16);
        TrialCheck c = check(disk, acked(0, 10), 11);
        assertThat(c).isEqualTo(new TrialCheck(10, 0, List.of(), 10, 0, 1L, 1L, 0, List.of(), 9, 16,
                FsckOutcome.NOT_RUN));
    }

    @Test
    void aTornIssuedUnacknowledgedRecordIsCorruptAndLostButNotAnAcknowledgedLoss() throws IOException {
        byte[] disk = records(11, 16);
        Arrays.fill(disk, 10 * SLOT + SLOT / 2, 11 * SLOT, (byte) 0);
        TrialCheck c = check(disk, acked(0, 10), 11);
        assertThat(c.unacked()).isEqualTo(1);
        assertThat(c.unackedLost()).isEqualTo(1);
        assertThat(c.ackedLost()).isZero();
        assertThat(c.corruptSlots()).containsExactly(10L);
    }

    @Test
    void issuedRecordsBeyondTheEndOfTheTargetAreLost() throws IOException {
        byte[] disk = records(10, 10);
        TrialCheck c = check(disk, acked(0, 9), 12);
        assertThat(c.unacked()).as("seqs 9, 10, 11").isEqualTo(3);
        assertThat(c.unackedLost()).as("10 and 11: the target ends after slot 9").isEqualTo(2);
        assertThat(c.unackedPresent()).isEqualTo(1);
        assertThat(c.ackedLost()).isZero();
    }

    @Test
    void aRecordWhoseWriteLineNeverArrivedIsPresentButNotIssued() throws IOException {
        byte[] disk = records(12, 16);
        TrialCheck c = check(disk, acked(0, 10), 10);
        assertThat(c.unacked()).isZero();
        assertThat(c.unackedLost()).isZero();
        assertThat(c.unackedPresent()).isEqualTo(2);
    }

    @Test
    void unackedLostCountsAcrossChunksAndPastTheEnd() throws IOException {
        int n = DurabilityChecker.CHUNK_SLOTS * 2 + 5;
        byte[] disk = new byte[n * SLOT];
        for (int s = 0; s < n; s++) {
            if (s % 3 != 0) {
                System.arraycopy(DurabilityRecord.encode(NONCE, s, 1), 0, disk, s * SLOT, SLOT);
            }
        }
        TrialCheck c = check(disk, acked(0, 100), n + 7L);
        assertThat(n).isEqualTo(517);
        assertThat(c.unacked()).isEqualTo(424); // 517 + 7 - 100
        // seqs 102, 105, .., 516 are empty (139 of them), 517 .. 523 lie past the end (7)
        assertThat(c.unackedLost()).isEqualTo(146);
        // seqs 0, 3, .., 99 are empty (34)
        assertThat(c.ackedLost()).isEqualTo(34);
        assertThat(c.unackedPresent()).isEqualTo(c.unacked() - c.unackedLost());
    }

    @Test
    void ackedSeqsMustAscend() {
        assertThatThrownBy(() -> check(new byte[0], new long[] {1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acknowledged seqs must be ascending and >= 0, got 1 at index 1");
    }

    @Test
    void everyAcknowledgedRecordMustHaveBeenIssued() {
        assertThatThrownBy(() -> check(new byte[0], acked(0, 3), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 issued, 3 acknowledged");
        assertThatThrownBy(() -> check(new byte[0], new long[] {0, 5}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("up to seq 5");
        assertThatThrownBy(() -> check(new byte[0], new long[0], -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFsckOutcomeIsKept() throws IOException {
        Path file = tmp.resolve("t.img");
        Files.write(file, records(1, 1));
        assertThat(DurabilityChecker.check(file, NONCE, acked(0, 1), 1, FsckOutcome.ERRORS).fsck())
                .isEqualTo(FsckOutcome.ERRORS);
    }

    /** The check when nothing beyond the acknowledged records was issued. */
    private TrialCheck check(byte[] disk, long[] acked) throws IOException {
        return check(disk, acked, acked.length);
    }

    private TrialCheck check(byte[] disk, long[] acked, long issued) throws IOException {
        Path file = tmp.resolve("target.img");
        Files.write(file, disk);
        return DurabilityChecker.check(file, NONCE, acked, issued, FsckOutcome.NOT_RUN);
    }

    /** {@code records} valid records in slots 0.., in a target of {@code slots} slots. */
    private static byte[] records(int records, int slots) {
        byte[] disk = new byte[slots * SLOT];
        for (int s = 0; s < records; s++) {
            System.arraycopy(DurabilityRecord.encode(NONCE, s, 0), 0, disk, s * SLOT, SLOT);
        }
        return disk;
    }

    private static long[] acked(long from, long to) {
        return LongStream.range(from, to).toArray();
    }
}
