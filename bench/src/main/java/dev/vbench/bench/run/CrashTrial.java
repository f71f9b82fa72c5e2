package dev.vbench.bench.run;

import dev.vbench.results.durability.DurabilityTrial;
import dev.vbench.results.durability.TrialCheck;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One host-crash trial as the run records it ({@value CrashTrials#FILE}, one JSON line each): the trial and what
 * the host found in the backing file afterwards ({@link DurabilityTrial}, what the analysis reads), and how it
 * was crashed. A trial that could not be carried out (the guest did not boot, the writer did not start) has a
 * failure instead of a check and does not count as a trial.
 *
 * @param result      the trial and its check, or its failure
 * @param nonce       the records' nonce, unsigned decimal
 * @param crashAfterS seconds from the writer's {@code start} to the crash, as drawn
 * @param started     when the trial's boot began (ISO-8601)
 * @param fsckLines   the first lines of e2fsck's report when it found errors, else empty
 * @param note        how the writer had ended before the crash, or {@code null} when it was still writing
 */
record CrashTrial(DurabilityTrial result, String nonce, double crashAfterS, String started, List<String> fsckLines,
        String note) {
    CrashTrial {
        Objects.requireNonNull(result, "result");
        fsckLines = List.copyOf(fsckLines);
    }

    /** One line for the console: the trial and what the host found. */
    String describe() {
        String what = result.variant() + " / " + result.workload() + " crash trial " + result.number() + ": ";
        if (!result.isValid()) {
            return what + "not carried out: " + result.failure();
        }
        TrialCheck c = result.check();
        return what + "crash after " + String.format(Locale.ROOT, "%.1f", crashAfterS) + " s, " + c.acked()
                + " records acknowledged, " + c.ackedLost() + " of them lost"
                + (c.lostSeqs().isEmpty() ? "" : " (from seq " + c.lostSeqs().get(0) + ")") + ", "
                + (c.unackedRecorded() ? c.unackedLost() + " of " + c.unacked()
                        + " issued unacknowledged records lost, " : "")
                + c.unackedPresent() + " unacknowledged present, " + c.corrupt() + " corrupt"
                + (c.fsck() == dev.vbench.results.durability.FsckOutcome.NOT_RUN ? "" : ", fsck " + c.fsck().json())
                + (note == null ? "" : "; " + note);
    }
}
