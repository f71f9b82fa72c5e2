package dev.vbench.results.durability;

import dev.vbench.results.durability.DurabilityRecord.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a durability target after a crash: reads it slot by slot through a bounded buffer (targets may be a GiB
 * or more; a raw image, a block device or a file copied out of a file system) and compares what it holds with the
 * acknowledged sequence numbers and the number of records issued. Reading stops at the end of the target; records
 * beyond it are not there (lost when acknowledged or issued).
 */
public final class DurabilityChecker {
    /** Slots read at once: 1 MiB. */
    static final int CHUNK_SLOTS = 256;

    private DurabilityChecker() {
    }

    /**
     * @param target the target to read (opened read-only, never written)
     * @param nonce  the trial's nonce
     * @param acked  the acknowledged sequence numbers, strictly ascending, each {@code >= 0} and below
     *               {@code issued} (the writer's are {@code 0 .. acked.length - 1})
     * @param issued how many records the writer issued, records {@code 0 .. issued - 1}, {@code >= acked.length}:
     *               those not acknowledged (seq in {@code [acked.length, issued)} for the writer) were issued but
     *               not acknowledged, the check's {@code unacked}, and the ones of them not found intact its
     *               {@code unacked_lost}
     * @param fsck   the fsck outcome to record with the check
     * @throws IOException when the target cannot be read
     */
    public static TrialCheck check(Path target, long nonce, long[] acked, long issued, FsckOutcome fsck)
            throws IOException {
        for (int i = 0; i < acked.length; i++) {
            if (acked[i] < 0 || i > 0 && acked[i] <= acked[i - 1]) {
                throw new IllegalArgumentException("acknowledged seqs must be ascending and >= 0, got " + acked[i]
                        + " at index " + i);
            }
        }
        if (acked.length > 0 && acked[acked.length - 1] >= issued || issued < acked.length) {
            throw new IllegalArgumentException("every acknowledged record was issued: " + issued + " issued, "
                    + acked.length + " acknowledged" + (acked.length > 0 ? " up to seq " + acked[acked.length - 1]
                    : ""));
        }
        Tally t = new Tally(acked, issued);
        byte[] buffer = new byte[CHUNK_SLOTS * DurabilityRecord.SLOT];
        try (InputStream in = Files.newInputStream(target)) {
            long slot = 0;
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                for (int off = 0; off < n; off += DurabilityRecord.SLOT, slot++) {
                    int length = Math.min(DurabilityRecord.SLOT, n - off);
                    t.slot(slot, DurabilityRecord.classify(buffer, off, length, slot, nonce));
                }
            }
            t.end(slot);
        }
        return new TrialCheck(acked.length, t.lost, t.lostSeqs, t.present, t.unackedPresent, issued - acked.length,
                t.unackedLost, t.corrupt, t.corruptSlots, t.highest, t.slots, fsck);
    }

    /** The running counts; {@code next} walks the acknowledged seqs alongside the slots. */
    private static final class Tally {
        private final long[] acked;
        private final long issued;
        private int next;
        private long unackedLost;
        private long lost;
        private final List<Long> lostSeqs = new ArrayList<>();
        private long present;
        private long unackedPresent;
        private long corrupt;
        private final List<Long> corruptSlots = new ArrayList<>();
        private long highest = -1;
        private long slots;

        Tally(long[] acked, long issued) {
            this.acked = acked;
            this.issued = issued;
        }

        void slot(long slot, Slot kind) {
            boolean isAcked = next < acked.length && acked[next] == slot;
            if (isAcked) {
                next++;
            } else if (slot < issued && kind != Slot.RECORD) {
                unackedLost++;
            }
            switch (kind) {
                case RECORD -> {
                    present++;
                    highest = slot;
                    if (!isAcked) {
                        unackedPresent++;
                    }
                }
                case CORRUPT -> {
                    corrupt++;
                    add(corruptSlots, slot);
                    lose(isAcked, slot);
                }
                case EMPTY -> lose(isAcked, slot);
                default -> throw new IllegalStateException(kind.name());
            }
        }

        void end(long slotsRead) {
            slots = slotsRead;
            // issued records beyond the end that are not acknowledged (the acknowledged ones left are all there)
            unackedLost += Math.max(0, issued - slotsRead) - (acked.length - next);
            while (next < acked.length) {
                lose(true, acked[next++]);
            }
        }

        private void lose(boolean isAcked, long seq) {
            if (isAcked) {
                lost++;
                add(lostSeqs, seq);
            }
        }

        private static void add(List<Long> list, long value) {
            if (list.size() < TrialCheck.LISTED) {
                list.add(value);
            }
        }
    }
}
