package dev.vbench.results;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.ChartSet;
import dev.vbench.results.chart.DurabilityChart;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimEvaluator;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.report.DurabilityReport;
import dev.vbench.results.report.JunitXml;
import dev.vbench.results.report.ReportHtml;
import dev.vbench.results.report.SummaryJson;
import dev.vbench.results.sequential.DesignOutcome;
import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.sequential.SequentialLook;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.NativeCeiling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns raw samples into statistics, comparisons with the baseline, claim verdicts and the variants' shares of the
 * host's own ceiling ({@link NativeCeiling}, when the run measured it), and writes them to a
 * directory: {@code summary.json}, {@code junit.xml}, {@code report.html} and {@code charts/} (PNG and SVG).
 *
 * <pre>
 * AnalysisOutcome outcome = Analysis.write(outDir, samples, "ide-wt-e1000", claims, context);
 * </pre>
 */
public final class Analysis {
    /** Name of the JSON summary in the output directory. */
    public static final String SUMMARY_JSON = "summary.json";
    /** Name of the JUnit XML file (one test case per claim). */
    public static final String JUNIT_XML = "junit.xml";
    /** Name of the HTML report. */
    public static final String REPORT_HTML = "report.html";
    /** Name of the chart directory. */
    public static final String CHARTS_DIR = "charts";
    /** The crash trials of a run summed up, per (variant, workload), and the durability claims decided. */
    public static final String DURABILITY_JSON = "durability.json";

    private Analysis() {
    }

    /**
     * Computes statistics, comparisons and claim verdicts.
     *
     * @param samples  the raw samples, at least one
     * @param baseline the variant every other variant is compared with; it must have samples unless it is
     *                 among the context's failures
     * @param claims   claims to decide, possibly none
     * @param context  environment, failures and status of the run ({@link RunContext#unknown()} when unknown)
     * @return the analysis
     * @throws ResultsInputException when there are no samples, the baseline has none, a cell mixes units or
     *                               repeats a repetition, or a unit is unknown
     */
    public static AnalysisResult compute(List<Sample> samples, String baseline, List<Claim> claims,
                                         RunContext context) {
        return compute(samples, baseline, claims, context, SequentialDesign.fixed());
    }

    /**
     * Computes statistics, comparisons and claim verdicts under a design. A fixed design decides on all the data at
     * once. A group-sequential one replays the looks the run took ({@link SequentialDesign#replay}) and takes each
     * claim's and tested comparison's verdict, gain and interval from the look that decided it (or the last look):
     * so the analysis of results.csv reproduces the decisions the run took. Where a cell has outliers, the verdicts
     * are computed again without them (at every look) and noted when they differ.
     *
     * @param samples  the raw samples, at least one
     * @param baseline the baseline variant
     * @param claims   claims to decide, possibly none
     * @param context  environment, failures and status of the run
     * @param design   the design the run followed
     * @return the analysis
     * @throws ResultsInputException as {@link #compute(List, String, List, RunContext)}
     */
    public static AnalysisResult compute(List<Sample> samples, String baseline, List<Claim> claims,
                                         RunContext context, SequentialDesign design) {
        if (samples.isEmpty()) {
            throw new ResultsInputException("no samples to analyse; measure something first");
        }
        Set<String> variants = new LinkedHashSet<>();
        samples.forEach(s -> variants.add(s.variant()));
        if (NativeCeiling.isNative(baseline)) {
            throw new ResultsInputException("'" + baseline + "' is the host's own ceiling, never the baseline; choose"
                    + " a variant");
        }
        boolean baselineFailed = context.failures().stream().anyMatch(f -> f.variant().equals(baseline));
        if (!variants.contains(baseline) && !baselineFailed) {
            throw new ResultsInputException("baseline '" + baseline + "' has no samples; choose one of "
                    + String.join(", ", variants));
        }
        List<Cell> cells = Cell.group(samples);
        // the host's own ceiling is described, never compared with the baseline nor part of the design's looks
        List<Sample> measured = NativeCeiling.withoutNative(samples);
        DesignOutcome outcome = new DesignOutcome(design, design.replay(baseline, claims, measured));
        List<Cell> decidedOn = outcome.last().map(l -> Cell.group(SequentialLook.seen(measured, l.look())))
                .orElseGet(() -> Cell.group(measured));
        Verdicts verdicts = decide(baseline, claims, context.failures(), decidedOn, outcome.last());
        List<Comparison> comparisons = new ArrayList<>(verdicts.comparisons());
        List<ClaimResult> results = new ArrayList<>(verdicts.claims());
        if (design.sequential() || decidedOn.stream().anyMatch(c -> !c.outliers().isEmpty())) {
            Verdicts again = decide(baseline, claims, context.failures(),
                    decidedOn.stream().map(Cell::withoutOutliers).toList(),
                    new DesignOutcome(design, design.replayWithoutOutliers(baseline, claims, measured)).last());
            for (int i = 0; i < comparisons.size(); i++) {
                comparisons.set(i, comparisons.get(i).withoutOutliers(again.comparisons().get(i).verdict()));
            }
            for (int i = 0; i < results.size(); i++) {
                results.set(i, results.get(i).withoutOutliers(again.claims().get(i).verdict()));
            }
        }
        return new AnalysisResult(baseline, cells, comparisons, results, context, outcome, NativeCeiling.of(cells));
    }

    /** The comparisons and claim results of one analysis. */
    private record Verdicts(List<Comparison> comparisons, List<ClaimResult> claims) {
    }

    private static Verdicts decide(String baseline, List<Claim> claims, List<VariantFailure> failures,
                                   List<Cell> cells, Optional<SequentialLook> last) {
        return last.map(l -> new Verdicts(Comparisons.against(baseline, cells, l),
                        ClaimEvaluator.evaluate(claims, cells, failures, l)))
                .orElseGet(() -> new Verdicts(Comparisons.against(baseline, cells),
                        ClaimEvaluator.evaluate(claims, cells, failures)));
    }

    /**
     * Computes the analysis and writes it to {@code dir} (created if missing; files in it are replaced).
     *
     * @param dir      output directory
     * @param samples  the raw samples
     * @param baseline baseline variant
     * @param claims   claims to decide
     * @param context  run context
     * @return what the claims came to
     * @throws IOException           when the directory or a file in it cannot be written
     * @throws ResultsInputException when the input is unusable, see {@link #compute}
     */
    public static AnalysisOutcome write(Path dir, List<Sample> samples, String baseline, List<Claim> claims,
                                        RunContext context) throws IOException {
        AnalysisResult result = compute(samples, baseline, claims, context);
        write(dir, result);
        return result.outcome();
    }

    /**
     * Writes a computed analysis to {@code dir}.
     *
     * @param dir    output directory, created if missing
     * @param result the analysis
     * @throws IOException when the directory or a file in it cannot be written
     */
    public static void write(Path dir, AnalysisResult result) throws IOException {
        write(dir, result, null);
    }

    /**
     * {@link #write(Path, AnalysisResult)} for a run that also crashed hosts ({@code durability} not null):
     * summary.json gets a {@code durability} object, the report its durability section and chart, and
     * {@value #DURABILITY_JSON} is written beside them.
     */
    public static void write(Path dir, AnalysisResult result, DurabilitySummary durability) throws IOException {
        OutputFiles.directory(dir);
        List<ChartFile> charts = new ArrayList<>(ChartSet.render(result, dir, CHARTS_DIR));
        if (durability != null) {
            charts.addAll(DurabilityChart.render(durability, dir, CHARTS_DIR));
            OutputFiles.replace(dir.resolve(DURABILITY_JSON), DurabilityReport.json(durability));
        }
        OutputFiles.replace(dir.resolve(SUMMARY_JSON), SummaryJson.format(result, durability));
        OutputFiles.replace(dir.resolve(JUNIT_XML), JunitXml.format(result));
        OutputFiles.replace(dir.resolve(REPORT_HTML), ReportHtml.format(result, charts, durability));
    }

    /**
     * The outputs of a run of crash trials only (nothing to analyse for speed): {@value #DURABILITY_JSON} and a
     * report.html with the durability section and chart; no summary.json, which describes measurements.
     */
    public static void writeDurability(Path dir, String plan, DurabilitySummary durability) throws IOException {
        OutputFiles.directory(dir);
        List<ChartFile> charts = DurabilityChart.render(durability, dir, CHARTS_DIR);
        OutputFiles.replace(dir.resolve(REPORT_HTML), ReportHtml.durabilityPage(plan, durability, charts));
        OutputFiles.replace(dir.resolve(DURABILITY_JSON), DurabilityReport.json(durability));
    }
}
