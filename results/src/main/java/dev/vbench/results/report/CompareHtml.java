package dev.vbench.results.report;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.compare.RunComparison;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

/**
 * The human-readable comparison of two runs, {@code report.html} of {@code vbench compare}, in the style of a run's
 * report (the same CSS and gain partial): the verdicts, the gain chart, what changed in the environment, the tested
 * cells, the described ones, the cells only one run has, both environments and the method. The Mustache template
 * {@code compare.mustache} filled from a {@link CompareView}; every value is HTML-escaped.
 */
public final class CompareHtml {
    private static final String DIR = "dev/vbench/results/report";
    private static final Mustache TEMPLATE = new SafeMustacheFactory(
            Set.of("compare.mustache", "gain.mustache", "style.mustache"), DIR).compile("compare.mustache");

    private CompareHtml() {
    }

    /**
     * @param comparison the comparison
     * @param charts     the rendered charts, in display order
     * @return the HTML text
     */
    public static String format(RunComparison comparison, List<ChartFile> charts) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, CompareView.of(comparison, charts));
        return out.toString();
    }
}
