package dev.vbench.results.report;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.history.TrendSeries;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

/**
 * The trend report's page, {@code index.html}, in the style of a run's report (the same CSS): the alerts first, then
 * the series grouped by host, variant and workload, one chart per series with its change points, annotations,
 * environment changes and alerts listed under it, then the method. The Mustache template {@code trend.mustache}
 * filled from a {@link TrendView}; every value is HTML-escaped.
 */
public final class TrendHtml {
    private static final String DIR = "dev/vbench/results/report";
    private static final Mustache TEMPLATE = new SafeMustacheFactory(Set.of("trend.mustache", "style.mustache"), DIR)
            .compile("trend.mustache");

    private TrendHtml() {
    }

    /**
     * @param title  the report's title
     * @param series the series, in display order
     * @param charts each series' chart, or null for a series without nights; parallel to {@code series}
     * @return the HTML text
     */
    public static String format(String title, List<TrendSeries> series, List<ChartFile> charts) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, TrendView.of(title, series, charts));
        return out.toString();
    }
}
