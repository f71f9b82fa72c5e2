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
 * acknowledged sequence numbers. Reading stops at the end of the target; acknowledged records beyond it are lost.
 */
public final class DurabilityChecker {
    /** Slots read at once: 1 MiB. */
    static final int CHUNK_SLOTS = 256;

    private DurabilityChecker() {
    }

    /**
     * @param target the target to read (opened read-only, never written)
     * @param nonce  the trial's nonce
     * @param acked  the acknowledged sequence numbers, strictly ascending, each {@code >= 0}
     * @param fsck   the fsck outcome to record with the check
     * @throws IOException when the target cannot be read
     */
    public static TrialCheck check(Path target, long nonce, long[] acked, FsckOutcome fsck) throws IOException {
        for (int i = 0; i < acked.length; i++) {
            if (acked[i] < 0 || i > 0 && acked[i] <= acked[i - 1]) {
                throw new IllegalArgumentException("acknowledged seqs must be ascending and >= 0, got " + acked[i]
                        + " at index " + i);
            }
        }
        Tally t = new Tally(acked);
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
        return new TrialCheck(acked.length, t.lost, t.lostSeqs, t.present, t.unackedPresent, t.corrupt,
                t.corruptSlots, t.highest, t.slots, fsck);
    }

    /** The running counts; {@code next} walks the acknowledged seqs alongside the slots. */
    private static final class Tally {
        private final long[] acked;
        private int next;
        private long lost;
        private final List<Long> lostSeqs = new ArrayList<>();
        private long present;
        private long unackedPresent;
        private long corrupt;
        private final List<Long> corruptSlots = new ArrayList<>();
        private long highest = -1;
        private long slots;

        Tally(long[] acked) {
            this.acked = acked;
        }

        void slot(long slot, Slot kind) {
            boolean isAcked = next < acked.length && acked[next] == slot;
            if (isAcked) {
                next++;
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
