package dev.vbench.results.durability;

import dev.vbench.results.claims.DurabilityMetric;
import dev.vbench.results.stats.ClopperPearson;
import java.util.List;
import java.util.function.Function;

/**
 * The crash trials of one (variant, workload) summed up, beside the write IOPS of the same variant: the speed and
 * the safety of a cache mode in one row.
 *
 * @param variant             the variant
 * @param workload            the durability workload
 * @param trials              trials crashed and checked
 * @param failures            why the other trials yielded no check, one entry per failed trial
 * @param ackedTrials         checked trials that acknowledged at least one record (the n of the loss rate)
 * @param trialsWithAckedLoss of those, trials that lost an acknowledged record
 * @param acked               acknowledged records, all trials
 * @param ackedLost           acknowledged records lost, all trials
 * @param ackedLossRate       per-trial probability of losing an acknowledged record, Clopper-Pearson at
 *                            {@link DurabilityVerdict#CONFIDENCE}
 * @param unackedPresent      records found that were never acknowledged, all trials (expected, not a loss)
 * @param unacked             records issued and never acknowledged, all trials; {@code null} when a trial did not
 *                            record them (checked before the writer announced its writes)
 * @param unackedLost         of those, records not found (expected, not a loss); {@code null} likewise
 * @param corrupt             corrupt slots, all trials
 * @param trialsWithCorrupt   trials with at least one corrupt slot
 * @param fsckClean           trials whose fsck was clean
 * @param fsckErrors          trials whose fsck reported errors
 * @param fsckNotRun          trials without fsck
 * @param writeIops           write IOPS of the same variant, {@code null} when not measured
 */
public record DurabilityCell(String variant, String workload, int trials, List<String> failures, int ackedTrials,
                             int trialsWithAckedLoss, long acked, long ackedLost, ClopperPearson ackedLossRate,
                             long unackedPresent, Long unacked, Long unackedLost, long corrupt,
                             int trialsWithCorrupt, int fsckClean, int fsckErrors, int fsckNotRun, Double writeIops) {

    /** Copies the list. */
    public DurabilityCell {
        failures = List.copyOf(failures);
    }

    /**
     * @param variant   the variant
     * @param workload  the workload
     * @param all       trials of any cells; this cell's are summed
     * @param writeIops the variant's write IOPS, {@code null} when not measured
     */
    public static DurabilityCell of(String variant, String workload, List<DurabilityTrial> all, Double writeIops) {
        List<DurabilityTrial> mine = all.stream().filter(t -> t.of(variant, workload)).toList();
        List<TrialCheck> checks = mine.stream().filter(DurabilityTrial::isValid).map(DurabilityTrial::check).toList();
        List<String> failures = mine.stream().filter(t -> !t.isValid()).map(DurabilityTrial::failure).toList();
        int ackedTrials = (int) mine.stream().filter(t -> DurabilityVerdict.counts(DurabilityMetric.ACKED_LOST, t))
                .count();
        int lossTrials = (int) checks.stream().filter(c -> c.acked() > 0 && c.ackedLost() > 0).count();
        return new DurabilityCell(variant, workload, checks.size(), failures, ackedTrials, lossTrials,
                checks.stream().mapToLong(TrialCheck::acked).sum(),
                checks.stream().mapToLong(TrialCheck::ackedLost).sum(),
                ClopperPearson.of(lossTrials, ackedTrials, DurabilityVerdict.CONFIDENCE),
                checks.stream().mapToLong(TrialCheck::unackedPresent).sum(),
                sum(checks, TrialCheck::unacked), sum(checks, TrialCheck::unackedLost),
                checks.stream().mapToLong(TrialCheck::corrupt).sum(),
                (int) checks.stream().filter(c -> c.corrupt() > 0).count(),
                fsck(checks, FsckOutcome.CLEAN), fsck(checks, FsckOutcome.ERRORS), fsck(checks, FsckOutcome.NOT_RUN),
                writeIops);
    }

    /** The sum over the checks, {@code null} when one of them did not record the count. */
    private static Long sum(List<TrialCheck> checks, Function<TrialCheck, Long> count) {
        if (!checks.stream().allMatch(TrialCheck::unackedRecorded)) {
            return null;
        }
        return checks.stream().mapToLong(count::apply).sum();
    }

    private static int fsck(List<TrialCheck> checks, FsckOutcome outcome) {
        return (int) checks.stream().filter(c -> c.fsck() == outcome).count();
    }
}
