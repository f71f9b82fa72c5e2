package dev.vbench.results.report;

import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.RunStatus;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.NativeCeiling;
import dev.vbench.results.stats.VarianceComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code report.mustache} shows, as plain text: numbers already formatted in human units, words chosen. The
 * template adds the markup and escapes every value.
 *
 * @param baseline       the baseline variant
 * @param status         how the run ended, e.g. {@code partial}
 * @param statusText     that status in a sentence
 * @param variants       number of variants with samples
 * @param workloads      number of workloads
 * @param cellCount      number of cells
 * @param failedCount    number of failed variants
 * @param anyFailures    whether any variant failed
 * @param tiles          the verdict counts at the top
 * @param outcome        what the claims came to, in words
 * @param design         the design the verdicts were decided by and the looks taken
 * @param claims         one row per claim
 * @param anyClaims      whether there are claims
 * @param charts         the charts in display order
 * @param comparisons    one row per comparison with the baseline
 * @param anyComparisons whether there are comparisons
 * @param ceiling        each variant's tested metrics and efficiencies as a share of the host's own ceiling
 * @param anyCeiling     whether the run measured the ceiling
 * @param cells          one row per cell
 * @param failures       the failed variants and why
 * @param environment    the run's environment, sorted by key
 * @param anyEnvironment whether the environment was recorded
 */
record ReportView(String baseline, String status, String statusText, long variants, long workloads, int cellCount,
                  int failedCount, boolean anyFailures, List<Tile> tiles, String outcome, DesignView design,
                  List<ClaimRow> claims,
                  boolean anyClaims, List<ChartFile> charts, List<ComparisonRow> comparisons, boolean anyComparisons,
                  List<CeilingRow> ceiling, boolean anyCeiling, List<CellRow> cells, List<VariantFailure> failures,
                  List<EnvironmentRow> environment, boolean anyEnvironment, DurabilityReport.View durability) {

    static ReportView of(AnalysisResult result, List<ChartFile> charts, DurabilityReport.View durability) {
        RunStatus status = result.context().status();
        List<VariantFailure> failures = result.context().failures();
        List<ClaimRow> claims = result.claims().stream().map(ClaimRow::of).toList();
        List<ComparisonRow> comparisons = result.comparisons().stream().map(c -> ComparisonRow.of(c, result)).toList();
        List<CeilingRow> ceiling = result.ceiling().stream().map(CeilingRow::of).toList();
        List<EnvironmentRow> environment = result.context().environment().entrySet().stream()
                .map(e -> new EnvironmentRow(e.getKey(), e.getValue())).toList();
        return new ReportView(result.baseline(), status.text(), statusText(status),
                result.cells().stream().map(Cell::variant).distinct().count(),
                result.cells().stream().map(Cell::workload).distinct().count(), result.cells().size(),
                failures.size(), !failures.isEmpty(), tiles(result), outcome(result.outcome()),
                DesignView.of(result.design()), claims,
                !claims.isEmpty(), charts, comparisons, !comparisons.isEmpty(), ceiling, !ceiling.isEmpty(),
                result.cells().stream().map(CellRow::of).toList(), failures, environment, !environment.isEmpty(),
                durability);
    }

    /** A count at the top of the report, e.g. 2 refuted. */
    record Tile(String css, String label, long count) {
        Tile(String label, long count) {
            this(label.replace(' ', '-'), label, count);
        }
    }

    /** A claim, its verdict and why; what would decide it; its verdict without outliers when that differs. */
    record ClaimRow(String verdict, String id, String text, String candidate, String baseline, String workload,
                    String metric, GainView gain, String minGain, String reason, String wouldNeed,
                    String withoutOutliers) {
        static ClaimRow of(ClaimResult r) {
            return new ClaimRow(r.verdict().name(), r.claim().id(), r.claim().text(), r.claim().candidate(),
                    r.claim().baseline(), r.claim().workload(), MetricCatalog.label(r.claim().metric()),
                    GainView.of(r.gain()), DecimalText.shortest(r.claim().minGain()), r.reason(),
                    r.wouldNeed().isEmpty() ? null : r.wouldNeed(),
                    r.withoutOutliers() == null ? null : r.withoutOutliers().name());
        }
    }

    /** A candidate against the baseline, means in human units. */
    record ComparisonRow(String candidate, String workload, String metric, String baselineMean, String candidateMean,
                         GainView gain, String p, String pHolm, String verdictClass, String verdict,
                         String withoutOutliers) {
        static ComparisonRow of(Comparison c, AnalysisResult result) {
            Optional<Cell> base = Cell.find(result.cells(), c.baseline(), c.workload(), c.metric());
            Optional<Cell> cand = Cell.find(result.cells(), c.candidate(), c.workload(), c.metric());
            HumanScale scale = HumanScale.of(c.unit(), Math.max(base.map(x -> Math.abs(x.stats().mean())).orElse(0.0),
                    cand.map(x -> Math.abs(x.stats().mean())).orElse(0.0)));
            return new ComparisonRow(c.candidate(), c.workload(), MetricCatalog.label(c.metric()),
                    base.map(x -> scale.format(x.stats().mean())).orElse("n/a"),
                    cand.map(x -> scale.format(x.stats().mean())).orElse("n/a"), GainView.of(c.gain()),
                    p(c.pValue()), p(c.pHolm()), verdictClass(c.verdict()), c.verdict().text(),
                    c.withoutOutliers() == null ? null : c.withoutOutliers().text());
        }

        static String verdictClass(ComparisonVerdict verdict) {
            return switch (verdict) {
                case NO_SIGNIFICANT_DIFFERENCE -> "nsd";
                case NOT_TESTED -> "nt";
                default -> verdict.text();
            };
        }

        static String p(double p) {
            if (!Double.isFinite(p)) {
                return "n/a";
            }
            return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
        }
    }

    /**
     * A variant's metric as a share of the host's own ceiling: both means in human units, the percent with its
     * interval and level (or the note saying why there is none).
     */
    record CeilingRow(String variant, String workload, String metric, String nativeMean, String mean, String percent,
                      Interval interval, String level, String note) {
        static CeilingRow of(NativeCeiling.Share s) {
            HumanScale scale = HumanScale.of(s.unit(), Math.max(Math.abs(s.ceiling()), Math.abs(s.mean())));
            Gain g = s.share();
            return new CeilingRow(s.variant(), s.workload(), MetricCatalog.label(s.metric()),
                    scale.format(s.ceiling()), scale.format(s.mean()), percentOrNa(s.percent()),
                    g.hasInterval() ? new Interval(percentOrNa(s.low()), percentOrNa(s.high())) : null,
                    g.hasInterval() ? DecimalText.significant(100 * g.confidence(), 4) + "%" : null,
                    g.note().isEmpty() ? null : g.note());
        }

        private static String percentOrNa(double percent) {
            return Double.isFinite(percent) ? DecimalText.significant(percent, 3) + "%" : "n/a";
        }
    }

    /**
     * The statistics of one cell in human units, with its variance components and notes; {@code ci} is null when
     * the interval does not exist.
     */
    record CellRow(String variant, String workload, String metric, int n, int boots, String replicate, String mean,
                   Interval ci, String median, String stddev, String cv, String withinCv, String betweenCv,
                   String icc, String better, List<String> notes) {
        static CellRow of(Cell cell) {
            CellStatistics s = cell.stats();
            HumanScale scale = HumanScale.of(cell.unit(), Math.abs(s.mean()));
            Interval ci = Double.isFinite(s.ci95Low()) ? new Interval(HumanScale.number(scale.apply(s.ci95Low())),
                    HumanScale.number(scale.apply(s.ci95High()))) : null;
            VarianceComponents v = cell.components();
            return new CellRow(cell.variant(), cell.workload(), MetricCatalog.label(cell.metric()), s.n(),
                    cell.bootCount(), cell.replicates().unit().json(), scale.format(s.mean()), ci,
                    scale.format(s.median()), Double.isFinite(s.stddev()) ? scale.format(s.stddev()) : "n/a",
                    percent(s.cv()), percent(v.withinCv()), percent(v.betweenCv()),
                    Double.isFinite(v.icc()) ? String.format(Locale.ROOT, "%.2f", v.icc()) : "n/a",
                    cell.direction().json(), cell.notes());
        }

        private static String percent(double fraction) {
            return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "n/a";
        }
    }

    /**
     * A gain to 3 significant digits with its interval and the interval's confidence level, or the note saying why
     * there is no interval.
     */
    record GainView(String value, Interval interval, String level, String note) {
        /** @return the view, or null when the gain itself does not exist (shown as n/a) */
        static GainView of(Gain gain) {
            if (!Double.isFinite(gain.value())) {
                return null;
            }
            String value = DecimalText.significant(gain.value(), 3);
            if (!gain.hasInterval()) {
                return new GainView(value, null, null, gain.note());
            }
            return new GainView(value, new Interval(DecimalText.significant(gain.low(), 3),
                    DecimalText.significant(gain.high(), 3)), DecimalText.significant(100 * gain.confidence(), 4)
                    + "%", null);
        }
    }

    /** Two bounds, already formatted. */
    record Interval(String low, String high) {
    }

    /** One environment fact. */
    record EnvironmentRow(String key, String value) {
    }

    private static List<Tile> tiles(AnalysisResult result) {
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile("claims", result.claims().size()));
        for (ClaimVerdict verdict : ClaimVerdict.values()) {
            tiles.add(new Tile(verdict.name().toLowerCase(Locale.ROOT),
                    result.claims().stream().filter(c -> c.verdict() == verdict).count()));
        }
        for (ComparisonVerdict verdict : List.of(ComparisonVerdict.BETTER, ComparisonVerdict.WORSE)) {
            tiles.add(new Tile("comparisons " + verdict.text(),
                    result.comparisons().stream().filter(c -> c.verdict() == verdict).count()));
        }
        return tiles;
    }

    private static String outcome(AnalysisOutcome outcome) {
        return switch (outcome) {
            case ALL_SUPPORTED -> "every claim supported (or no claims)";
            case SOME_INCONCLUSIVE -> "no claim refuted, some inconclusive";
            case SOME_REFUTED -> "some claims refuted";
        };
    }

    private static String statusText(RunStatus status) {
        return switch (status) {
            case COMPLETE -> "every planned measurement was made.";
            case PARTIAL -> "the run finished, but some variants failed (see below); their claims are inconclusive.";
            case INTERRUPTED -> "the run was interrupted; only the measurements completed before were analysed.";
            case UNKNOWN -> "not recorded: the samples were analysed without a record of their run.";
        };
    }
}
