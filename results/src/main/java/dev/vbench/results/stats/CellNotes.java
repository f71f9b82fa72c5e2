package dev.vbench.results.stats;

import dev.vbench.results.DecimalText;
import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The notes and warnings of a cell, in words: what its interval leaves out and what looks wrong in its samples. */
public final class CellNotes {
    /** A cell whose samples vary by more than this coefficient of variation is called noisy. */
    public static final double CV_WARNING = 0.10;
    /** With this many boots or more, drift is checked across boot means; with fewer, within each boot. */
    public static final int BOOTS_FOR_DRIFT = 4;
    /** The note of a cell measured on one boot. */
    public static final String ONE_BOOT = "one boot: boot-to-boot noise is not in this interval";

    private CellNotes() {
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    static List<String> of(List<Sample> samples, CellStatistics stats, Replicates replicates, List<Integer> outliers,
                           DriftCheck drift) {
        List<String> notes = new ArrayList<>();
        if (replicates.unit() == ReplicationUnit.REPETITION && samples.size() > 1) {
            notes.add(ONE_BOOT);
        }
        if (replicates.floored()) {
            notes.add("spread below the resolution: the standard deviation of the " + replicates.unit().json()
                    + "s is floored at " + number(replicates.sdFloor()) + " (0.1% of the mean, or half the last "
                    + "reported digit)");
        }
        if (stats.cv() > CV_WARNING) {
            notes.add(String.format(Locale.ROOT, "noisy: CV %.1f%% is above %.0f%%", 100 * stats.cv(),
                    100 * CV_WARNING));
        }
        if (drift.flagged()) {
            String per = replicates.unit() == ReplicationUnit.BOOT && replicates.n() >= BOOTS_FOR_DRIFT
                    ? "boot" : "repetition";
            notes.add(String.format(Locale.ROOT, "drift: %+.2f%% of the mean per %s (p = %s)",
                    100 * drift.slope() / Math.abs(stats.mean()), per, DecimalText.significant(drift.p(), 2)));
        }
        if (!outliers.isEmpty()) {
            List<String> which = outliers.stream().map(i -> samples.get(i)).map(s -> "boot " + s.boot() + " rep "
                    + s.rep() + ": " + number(s.value())).toList();
            notes.add(outliers.size() + (outliers.size() == 1 ? " outlier" : " outliers") + " (|x - median| > 3.5 "
                    + "robust SD): " + String.join("; ", which));
        }
        return notes;
    }

    private static String number(double value) {
        return DecimalText.significant(value, 3);
    }
}
