package dev.vbench.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.vbench.results.compare.CellComparison;
import dev.vbench.results.compare.RunComparison;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.FiellerGain;
import dev.vbench.results.stats.Gain;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable comparison of two runs, {@code summary.json} of {@code vbench compare}, written by Jackson
 * like {@link SummaryJson} (snake case, statistics to {@value SummaryJson#DIGITS} significant digits, {@code null}
 * for a value that does not exist). Its layout is versioned by {@code format_version}; byte-identical for the same
 * input on every JDK and locale.
 */
public final class CompareJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "vbench-compare";
    /** Version of the layout below; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;

    private CompareJson() {
    }

    /**
     * @param comparison the comparison
     * @return the JSON text, two-space indented, LF line ends, ending with a line end
     */
    public static String format(RunComparison comparison) {
        try {
            return SummaryJson.WRITER.writeValueAsString(Compare.of(comparison)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file. */
    record Compare(String format, int formatVersion, RunJson runA, RunJson runB, String outcome, boolean differs,
                   @JsonSerialize(using = SummaryJson.Exact.class) double confidence,
                   @JsonSerialize(using = SummaryJson.Exact.class) double alpha, String gainDefinition,
                   String ciMethod, String testMethod, String multipleComparisons, String gainCiMethod,
                   Counts counts, List<String> environmentChanges, List<CellJson> cells, List<OnlyJson> onlyInA,
                   List<OnlyJson> onlyInB) {

        static Compare of(RunComparison c) {
            return new Compare(FORMAT, FORMAT_VERSION, new RunJson(c.labelA(), c.environmentA()),
                    new RunJson(c.labelB(), c.environmentB()), c.differs() ? "differs" : "no significant difference",
                    c.differs(), CellStatistics.CONFIDENCE, Comparisons.ALPHA,
                    "b/a when higher is better, a/b when lower is better: above 1, run b is better",
                    "student-t over the replicates: boot means when a cell has 2 boots or more, else repetitions",
                    "t = (a - g0 b) / sqrt(va + g0^2 vb), welch-satterthwaite df at the estimated gain: dual to the "
                    + "gain's interval", "holm over the tested cells (one metric per workload, every variant) at "
                    + "alpha two-sided; other metrics are described, not tested", FiellerGain.METHOD,
                    new Counts(c.count(ComparisonVerdict.BETTER), c.count(ComparisonVerdict.WORSE),
                            c.count(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE),
                            c.count(ComparisonVerdict.NOT_TESTED)),
                    c.environmentChanges(), c.cells().stream().map(CellJson::of).toList(),
                    c.onlyInA().stream().map(OnlyJson::of).toList(), c.onlyInB().stream().map(OnlyJson::of).toList());
        }
    }

    /** A run: its name and environment. */
    record RunJson(String label, Map<String, String> environment) {
    }

    /** How many cells have each verdict. */
    record Counts(long better, long worse, long noSignificantDifference, long notTested) {
    }

    /** One run's side of a cell. */
    record SideJson(int n, int boots, String replicate, double mean, double ci95Low, double ci95High, double cv,
                    List<String> notes) {
        static SideJson of(Cell c) {
            CellStatistics s = c.stats();
            return new SideJson(s.n(), c.bootCount(), c.replicates().unit().json(), s.mean(), s.ci95Low(),
                    s.ci95High(), s.cv(), c.notes());
        }
    }

    /** A cell of both runs: B against A. */
    record CellJson(String variant, String workload, String metric, String unit, String better, boolean tested,
                    SideJson a, SideJson b, double gain, double gainCiLow, double gainCiHigh, double gainCiLevel,
                    double pValue, double pValueHolm, String verdict, String withoutOutliers, String note) {
        static CellJson of(CellComparison c) {
            Gain g = c.gain();
            return new CellJson(c.variant(), c.workload(), c.metric(), c.unit(), c.direction().json(), c.tested(),
                    SideJson.of(c.a()), SideJson.of(c.b()), g.value(), g.low(), g.high(), g.confidence(),
                    c.pValue(), c.pHolm(), c.verdict().text(),
                    c.withoutOutliers() == null ? null : c.withoutOutliers().text(), g.note().isEmpty() ? null
                    : g.note());
        }
    }

    /** A cell only one run has. */
    record OnlyJson(String variant, String workload, String metric, String unit, int n, double mean) {
        static OnlyJson of(Cell c) {
            return new OnlyJson(c.variant(), c.workload(), c.metric(), c.unit(), c.stats().n(), c.stats().mean());
        }
    }
}
