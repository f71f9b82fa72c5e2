package dev.vbench.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.vbench.results.history.Annotation;
import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesKey;
import dev.vbench.results.history.TrendAlert;
import dev.vbench.results.history.TrendSeries;
import dev.vbench.results.stats.CellStatistics;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The machine-readable trend report, {@code trend.json}: what {@code index.html} shows, series by series (in
 * {@link TrendSeries#ORDER}), night by night with every sample, the change points, annotations, environment changes
 * and alerts. Written by Jackson like {@link SummaryJson} (snake case, statistics to {@value SummaryJson#DIGITS}
 * significant digits, the samples exact, {@code null} for a value that does not exist); versioned by
 * {@code format_version}; byte-identical for the same input on every JDK and locale.
 */
public final class TrendJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "vbench-trend";
    /** Version of the layout below; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;

    private TrendJson() {
    }

    /**
     * @param title  the report's title
     * @param series the series, in display order
     * @param charts each series' chart, relative to the report, or {@code null} for a series without nights;
     *               parallel to {@code series}
     * @return the JSON text, two-space indented, LF line ends, ending with a line end
     */
    public static String format(String title, List<TrendSeries> series, List<String> charts) {
        List<SeriesJson> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            out.add(SeriesJson.of(series.get(i), charts.get(i)));
        }
        try {
            return SummaryJson.WRITER.writeValueAsString(new Trend(FORMAT, FORMAT_VERSION, title,
                    CellStatistics.CONFIDENCE, "student-t over the night's replicates: boot means when it has 2 boots "
                    + "or more, else its samples; standard deviation at least max(0.1% of |mean|, half the last "
                    + "reported digit)", "run_id is the first night after the shift; ratio = after / before",
                    out)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file. */
    record Trend(String format, int formatVersion, String title,
                 @JsonSerialize(using = SummaryJson.Exact.class) double confidence, String nightInterval,
                 String changePoint, List<SeriesJson> series) {
    }

    /** One series. */
    record SeriesJson(String id, String host, String variant, String workload, String metric, String unit,
                      String better, String chart, List<NightJson> nights, List<ChangePointJson> changePoints,
                      List<AnnotationJson> annotations, List<EnvironmentJson> environmentChanges,
                      List<AlertJson> alerts) {
        static SeriesJson of(TrendSeries s, String chart) {
            SeriesKey k = s.history().key();
            List<NightJson> nights = new ArrayList<>();
            for (int i = 0; i < s.history().nights().size(); i++) {
                nights.add(NightJson.of(s, i));
            }
            return new SeriesJson(k.id(), k.host(), k.variant(), k.workload(), k.metric(), s.history().unit(),
                    s.history().direction().json(), chart, nights,
                    s.changePoints().stream().map(ChangePointJson::of).toList(),
                    s.history().annotations().stream().map(AnnotationJson::of).toList(),
                    s.environmentChanges().stream().map(e -> new EnvironmentJson(e.runId(), e.changes())).toList(),
                    s.alerts().stream().map(AlertJson::of).toList());
        }
    }

    /** One night: its statistics, samples and their boots, and the annotation that marks it. */
    record NightJson(String runId, String started, int n, int boots, double mean, double ci95Low, double ci95High,
                     @JsonSerialize(contentUsing = SummaryJson.Exact.class) List<Double> values,
                     List<Integer> bootOfValue, String annotation) {
        static NightJson of(TrendSeries s, int i) {
            Night night = s.history().nights().get(i);
            CellStatistics st = s.nightStatistics().get(i);
            return new NightJson(night.runId(), night.started().toString(), st.n(), night.bootMeans().length,
                    st.mean(), st.ci95Low(), st.ci95High(), Arrays.stream(night.values()).boxed().toList(),
                    Arrays.stream(night.boots()).boxed().toList(), s.nightMark(i).map(Annotation.Kind::text)
                    .orElse(null));
        }
    }

    /** A change point. */
    record ChangePointJson(String runId, double before, double after, double ratio, double ratioCiLow,
                           double ratioCiHigh, double pValue, String algorithm, String params) {
        static ChangePointJson of(ChangePoint c) {
            return new ChangePointJson(c.runId(), c.before(), c.after(), c.ratio(), c.low(), c.high(), c.pValue(),
                    c.algorithm(), c.params());
        }
    }

    /** An annotation. */
    record AnnotationJson(String seriesId, String fromRun, String kind, String reason, String created) {
        static AnnotationJson of(Annotation a) {
            return new AnnotationJson(a.seriesId(), a.fromRun(), a.kind().text(), a.reason(), a.created().toString());
        }
    }

    /** A night whose environment changed, and what changed. */
    record EnvironmentJson(String runId, List<String> changes) {
    }

    /** An alert. */
    record AlertJson(String runId, String text) {
        static AlertJson of(TrendAlert a) {
            return new AlertJson(a.runId(), a.text());
        }
    }
}
