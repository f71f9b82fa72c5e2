package dev.vbench.results.durability;

import java.util.List;
import java.util.Objects;

/**
 * What the host found on a durability target after one crash trial, without trusting the crashed guest.
 *
 * @param acked           records the writer acknowledged before the crash
 * @param ackedLost       acknowledged records not found intact in their slot (empty, corrupt or beyond the end)
 * @param lostSeqs        the first {@value #LISTED} of them, ascending
 * @param recordsPresent  valid records found
 * @param unackedPresent  valid records found that were never acknowledged (written but not yet acknowledged when
 *                        the host died: allowed, not a loss); it can include a record whose {@code write} line
 *                        never reached the host, so it is not bounded by {@code unacked}
 * @param unacked         records the writer issued ({@code write SEQ}) and never acknowledged before the crash;
 *                        {@code null} when not recorded (trials checked before the writer announced its writes)
 * @param unackedLost     of those, the records not found as valid records (expected: the crash came before their
 *                        acknowledgement); {@code null} when not recorded
 * @param corrupt         slots neither empty nor a valid record: torn, stale, misplaced or garbage
 * @param corruptSlots    the first {@value #LISTED} of them, ascending
 * @param highestValidSeq the highest seq found as a valid record, -1 when none
 * @param slots           slots read (a cut-off last slot counts)
 * @param fsck            the fsck outcome the caller passed in
 */
public record TrialCheck(long acked, long ackedLost, List<Long> lostSeqs, long recordsPresent, long unackedPresent,
                         Long unacked, Long unackedLost, long corrupt, List<Long> corruptSlots, long highestValidSeq,
                         long slots, FsckOutcome fsck) {
    /** How many lost seqs and corrupt slots are listed at most. */
    public static final int LISTED = 20;

    /** Copies the lists and checks the counts agree. */
    public TrialCheck {
        lostSeqs = List.copyOf(lostSeqs);
        corruptSlots = List.copyOf(corruptSlots);
        Objects.requireNonNull(fsck, "fsck");
        if (ackedLost > acked || unackedPresent > recordsPresent || lostSeqs.size() != Math.min(ackedLost, LISTED)
                || corruptSlots.size() != Math.min(corrupt, LISTED) || !unackedAgree(unacked, unackedLost,
                unackedPresent)) {
            throw new IllegalArgumentException("inconsistent trial check: acked " + acked + ", lost " + ackedLost
                    + " " + lostSeqs + ", present " + recordsPresent + ", unacked present " + unackedPresent
                    + ", unacked " + unacked + ", unacked lost " + unackedLost + ", corrupt " + corrupt + " "
                    + corruptSlots);
        }
    }

    /** Both recorded or neither; lost within issued; the issued ones not lost are among the unacked present. */
    private static boolean unackedAgree(Long unacked, Long unackedLost, long unackedPresent) {
        if (unacked == null || unackedLost == null) {
            return unacked == null && unackedLost == null;
        }
        return unackedLost >= 0 && unackedLost <= unacked && unacked - unackedLost <= unackedPresent;
    }

    /** Whether the unacknowledged records issued and lost were recorded (trials checked since the write lines). */
    public boolean unackedRecorded() {
        return unacked != null;
    }

    /** This check with the fsck outcome {@code outcome}. */
    public TrialCheck withFsck(FsckOutcome outcome) {
        return new TrialCheck(acked, ackedLost, lostSeqs, recordsPresent, unackedPresent, unacked, unackedLost,
                corrupt, corruptSlots, highestValidSeq, slots, outcome);
    }
}
