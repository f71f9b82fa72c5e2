package dev.vbench.results.report;

import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.compare.CellComparison;
import dev.vbench.results.stats.Gain;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run or an analysis found, as the console shows it at the end: one line per claim (verdict, id, gain and
 * interval, the bar it had to clear, the reason), then the tally and where the report is. Pure.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /**
     * {@code SUPPORTED     virtio-disk-randread  gain 4.27x [3.99, 4.56] at 98.75%, min 1.5x: reason}, the interval at
     * the level the claim was decided at.
     */
    public static String claimLine(ClaimResult claim) {
        return String.format(Locale.ROOT, "%-12s  %s  %s, min %sx: %s", claim.verdict(), claim.claim().id(),
                gain(claim.gain()), DecimalText.shortest(claim.claim().minGain()), claim.reason());
    }

    /**
     * {@code WORSE  virtio/randread-4k/read_iops  gain 0.703x [0.596, 0.822] at 99.38%}: a cell of two compared
     * runs, the gain of run B over run A with its interval at the level its verdict was decided at.
     */
    public static String comparisonLine(CellComparison cell) {
        return String.format(Locale.ROOT, "%-25s  %s/%s/%s  %s", cell.verdict().name(), cell.variant(),
                cell.workload(), cell.metric(), gain(cell.gain()));
    }

    /** {@code gain 4.27x [3.99, 4.56] at 98.75%}, {@code gain 1.2x} without an interval, or {@code gain n/a}. */
    private static String gain(Gain g) {
        return Double.isFinite(g.value())
                ? "gain " + DecimalText.significant(g.value(), 3) + "x"
                + (g.hasInterval() ? " [" + DecimalText.significant(g.low(), 3) + ", "
                + DecimalText.significant(g.high(), 3) + "] at "
                + DecimalText.significant(100 * g.confidence(), 4) + "%" : "")
                : "gain n/a";
    }

    /**
     * The closing lines: each claim (an INCONCLUSIVE one followed by what would decide it), then
     * {@code claims: 3 SUPPORTED, 1 INCONCLUSIVE} (or {@code no claims}), then {@code report: PATH}.
     *
     * @param claims the decided claims, in plan order
     * @param report the report's path as the user should open it
     */
    public static List<String> lines(List<ClaimResult> claims, String report) {
        List<String> lines = new ArrayList<>();
        for (ClaimResult c : claims) {
            lines.add(claimLine(c));
            if (c.verdict() == ClaimVerdict.INCONCLUSIVE && !c.wouldNeed().isEmpty()) {
                lines.add("              would need " + c.wouldNeed());
            }
        }
        Map<ClaimVerdict, Long> tally = new EnumMap<>(ClaimVerdict.class);
        claims.forEach(c -> tally.merge(c.verdict(), 1L, Long::sum));
        lines.add(claims.isEmpty() ? "claims: none" : "claims: " + tally.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        lines.add("report: " + report);
        return lines;
    }
}
