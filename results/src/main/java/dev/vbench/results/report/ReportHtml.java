package dev.vbench.results.report;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.chart.ChartFile;
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
            Set.of("report.mustache", "gain.mustache", "style.mustache"), DIR).compile("report.mustache");

    private ReportHtml() {
    }

    /**
     * @param result the analysis
     * @param charts the rendered charts, in display order
     * @return the HTML text
     */
    public static String format(AnalysisResult result, List<ChartFile> charts) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, ReportView.of(result, charts));
        return out.toString();
    }
}
