package dev.vbench.results.durability;

import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.claims.DurabilityMetric;
import dev.vbench.results.stats.ClopperPearson;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link DurabilityClaim} decided over the crash trials of its (variant, workload). A trial exceeds the claim
 * when its metric is above {@code max}. The trials that count are the valid ones, and for {@code acked_lost} only
 * those that acknowledged at least one record (a trial that acknowledged nothing cannot lose an acknowledged
 * record). SUPPORTED when trials count and none exceeds, REFUTED when any does (one counterexample refutes "never"),
 * INCONCLUSIVE when no trial counts. Beside it the exact two-sided {@value #CONFIDENCE_PERCENT}% Clopper-Pearson
 * interval of the per-trial probability of exceeding ({@link ClopperPearson}, x = trials exceeding, n = trials
 * counted): a SUPPORTED claim has x = 0 and a lower bound of 0, its upper bound says how large that probability
 * could still be; a REFUTED claim has x &gt;= 1 and a lower bound above 0. Verdict and interval never disagree.
 *
 * @param claim    the claim
 * @param verdict  the decision
 * @param interval the per-trial probability of exceeding
 * @param exceeded the trials that exceeded, in trial order
 * @param reason   the decision in words
 */
public record DurabilityVerdict(DurabilityClaim claim, ClaimVerdict verdict, ClopperPearson interval,
                                List<Exceeded> exceeded, String reason) {
    /** Two-sided level of the interval. */
    public static final double CONFIDENCE = 0.95;
    static final int CONFIDENCE_PERCENT = 95;

    /** Copies the list and checks the verdict agrees with the interval. */
    public DurabilityVerdict {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(verdict, "verdict");
        exceeded = List.copyOf(exceeded);
        boolean agrees = switch (verdict) {
            case SUPPORTED -> interval.n() > 0 && interval.x() == 0 && interval.low() == 0;
            case REFUTED -> interval.x() > 0 && interval.low() > 0;
            case INCONCLUSIVE -> interval.n() == 0;
        };
        if (!agrees || exceeded.size() != interval.x()) {
            throw new IllegalArgumentException(verdict + " disagrees with " + interval + " and " + exceeded);
        }
    }

    /**
     * A trial above the claim's {@code max}.
     *
     * @param trial the trial's number
     * @param count its metric
     * @param seqs  the first lost seqs (acked_lost) or corrupt slots (corrupt), at most {@link TrialCheck#LISTED}
     */
    public record Exceeded(int trial, long count, List<Long> seqs) {
        /** Copies the list. */
        public Exceeded {
            seqs = List.copyOf(seqs);
        }
    }

    /**
     * @param claim  the claim
     * @param trials trials of any variants and workloads; those of the claim's are used
     */
    public static DurabilityVerdict decide(DurabilityClaim claim, List<DurabilityTrial> trials) {
        List<DurabilityTrial> mine = trials.stream().filter(t -> t.of(claim.variant(), claim.workload())).toList();
        List<DurabilityTrial> counted = mine.stream().filter(t -> counts(claim.metric(), t)).toList();
        List<Exceeded> exceeded = counted.stream().filter(t -> value(claim.metric(), t.check()) > claim.max())
                .map(t -> new Exceeded(t.number(), value(claim.metric(), t.check()), seqs(claim.metric(), t.check())))
                .toList();
        ClopperPearson interval = ClopperPearson.of(exceeded.size(), counted.size(), CONFIDENCE);
        String metric = claim.metric().json() + " above " + claim.max();
        if (counted.isEmpty()) {
            return new DurabilityVerdict(claim, ClaimVerdict.INCONCLUSIVE, interval, exceeded, "no trial to decide on ("
                    + mine.size() + " trials, " + mine.stream().filter(t -> !t.isValid()).count() + " failed)");
        }
        String bounds = "; per-trial probability " + DecimalText.significant(interval.low(), 3) + ".."
                + DecimalText.significant(interval.high(), 3) + " (" + CONFIDENCE_PERCENT + "% Clopper-Pearson)";
        if (exceeded.isEmpty()) {
            return new DurabilityVerdict(claim, ClaimVerdict.SUPPORTED, interval, exceeded, "no trial of "
                    + counted.size() + " had " + metric + bounds);
        }
        String which = exceeded.stream().map(e -> "trial " + e.trial() + ": " + e.count() + " " + e.seqs()
                + (e.count() > e.seqs().size() ? "..." : "")).collect(Collectors.joining("; "));
        return new DurabilityVerdict(claim, ClaimVerdict.REFUTED, interval, exceeded, exceeded.size() + " of "
                + counted.size() + " trials had " + metric + bounds + "; " + which);
    }

    /** Whether the trial counts for the metric: valid, and for acked_lost with something acknowledged. */
    static boolean counts(DurabilityMetric metric, DurabilityTrial t) {
        return t.isValid() && (metric != DurabilityMetric.ACKED_LOST || t.check().acked() > 0);
    }

    /** The metric of one checked trial. */
    static long value(DurabilityMetric metric, TrialCheck c) {
        return switch (metric) {
            case ACKED_LOST -> c.ackedLost();
            case CORRUPT -> c.corrupt();
        };
    }

    private static List<Long> seqs(DurabilityMetric metric, TrialCheck c) {
        return metric == DurabilityMetric.ACKED_LOST ? c.lostSeqs() : c.corruptSlots();
    }
}
