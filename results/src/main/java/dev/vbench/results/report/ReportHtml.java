package dev.vbench.results.report;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.durability.DurabilitySummary;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

/**
 * The human-readable report, {@code report.html}: claim verdicts first, then the charts, the comparisons with
 * the baseline, every cell, the run (status, failed variants, environment) and the method. A single file with
 * inline CSS and no script, fonts or anything else fetched: it opens from disk without a network; images are
 * referenced relatively ({@code charts/*.png}).
 *
 * <p>The page is the Mustache template {@code report.mustache} (beside this class) filled from a {@link
 * ReportView}. Mustache.java's safe factory escapes every value for HTML and refuses templates that would
 * insert one unescaped.
 */
public final class ReportHtml {
    private static final String DIR = "dev/vbench/results/report";
    private static final Mustache TEMPLATE = new SafeMustacheFactory(
            Set.of("report.mustache", "gain.mustache", "style.mustache", "durability.mustache"), DIR)
            .compile("report.mustache");
    private static final Mustache PAGE = new SafeMustacheFactory(
            Set.of("durability-page.mustache", "style.mustache", "durability.mustache"), DIR)
            .compile("durability-page.mustache");

    private ReportHtml() {
    }

    /**
     * @param result the analysis
     * @param charts the rendered charts, in display order
     * @return the HTML text
     */
    public static String format(AnalysisResult result, List<ChartFile> charts) {
        return format(result, charts, null);
    }

    /**
     * The report of a run that measured and crashed: {@link #format(AnalysisResult, List)} with the durability
     * section (what each variant's crash trials lost, and the durability claims) before the method; none when
     * {@code durability} is null.
     */
    public static String format(AnalysisResult result, List<ChartFile> charts, DurabilitySummary durability) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, ReportView.of(result, charts,
                durability == null ? null : DurabilityReport.View.of(durability)));
        return out.toString();
    }

    /** The report of a run of crash trials only: the durability section and its chart on a page of their own. */
    public static String durabilityPage(String plan, DurabilitySummary durability, List<ChartFile> charts) {
        StringWriter out = new StringWriter();
        PAGE.execute(out, new DurabilityPage(plan, charts, DurabilityReport.View.of(durability)));
        return out.toString();
    }

    /** What the page of a crash-trials-only run shows. */
    record DurabilityPage(String plan, List<ChartFile> charts, DurabilityReport.View durability) {
    }
}
