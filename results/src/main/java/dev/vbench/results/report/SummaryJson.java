package dev.vbench.results.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellNotes;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.DriftCheck;
import dev.vbench.results.stats.FiellerGain;
import dev.vbench.results.stats.NativeCeiling;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.OutlierFlags;
import dev.vbench.results.stats.VarianceComponents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable summary of an analysis, {@code summary.json}, written by Jackson from the records below
 * (field names are their components in snake case, in declaration order). Its layout is versioned by
 * {@code format_version}; statistics are rounded to {@value #DIGITS} significant digits (the raw samples in
 * results.csv keep full precision), values that do not exist (the standard deviation of one sample, an
 * unbounded interval) are {@code null}. Output is byte-identical for the same input on every JDK and locale.
 */
public final class SummaryJson {
    /** Version of the layout below; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 3;
    /** Significant digits of every computed statistic. */
    public static final int DIGITS = 6;

    /** The writer of every JSON file of this package: snake case, two-space indent, statistics rounded. */
    static final ObjectWriter WRITER = writer();

    private SummaryJson() {
    }

    /**
     * @param result the analysis
     * @return the JSON text, two-space indented, LF line ends, ending with a line end
     */
    public static String format(AnalysisResult result) {
        return format(result, null);
    }

    /**
     * @param result     the analysis
     * @param durability the run's crash trials summed up, the {@code durability} object (as in durability.json);
     *                   {@code null}: no such object
     * @return the JSON text, two-space indented, LF line ends, ending with a line end
     */
    public static String format(AnalysisResult result, DurabilitySummary durability) {
        try {
            return WRITER.writeValueAsString(Summary.of(result, durability == null ? null
                    : DurabilityReport.Json.of(durability))) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(separators)
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule().addSerializer(double.class, new Statistic()))
                .build().writer(printer);
    }

    /** The whole file. */
    record Summary(int formatVersion, String baseline, String outcome,
                   @JsonSerialize(using = Exact.class) double confidence,
                   @JsonSerialize(using = Exact.class) double alpha, String ciMethod, String testMethod,
                   String multipleComparisons, String gainCiMethod, String gainDefinition, String spreadFloor,
                   String outlierRule, String driftRule, @JsonSerialize(using = Exact.class) double cvWarning,
                   DesignJson design, Run run, List<CellJson> cells, List<ComparisonJson> comparisons,
                   List<ClaimJson> claims, @JsonProperty("native") List<NativeJson> nativeCeiling,
                   @JsonInclude(JsonInclude.Include.NON_NULL) DurabilityReport.Json durability) {

        static Summary of(AnalysisResult r, DurabilityReport.Json durability) {
            Run run = new Run(r.context().status().text(), r.context().environment(), r.context().failures());
            return new Summary(FORMAT_VERSION, r.baseline(), r.outcome().name().toLowerCase(Locale.ROOT),
                    CellStatistics.CONFIDENCE, Comparisons.ALPHA,
                    "student-t over the replicates: boot means when a cell has 2 boots or more, else repetitions",
                    "t = (a - g0 b) / sqrt(va + g0^2 vb), welch-satterthwaite df at the estimated gain: dual to the "
                    + "gain's interval", "holm: the claims one family, the tested comparisons (one metric per "
                    + "workload) another, each at alpha two-sided; other metrics are described, not tested",
                    FiellerGain.METHOD, "candidate/baseline when higher is better, baseline/candidate when lower is "
                    + "better: above 1 is always better", "the replicates' standard deviation is at least "
                    + "max(0.1% of |mean|, half the last reported digit)", "|x - median| > " + OutlierFlags.CUTOFF
                    + " x " + OutlierFlags.MAD_TO_SD + " x MAD, with the spread floor; verdicts are recomputed "
                    + "without outliers", "least-squares slope against measurement order (within boots, or across "
                    + "boot means from " + CellNotes.BOOTS_FOR_DRIFT + " boots), flagged at p < " + DriftCheck.ALPHA,
                    CellNotes.CV_WARNING, DesignJson.of(r.design()), run, r.cells().stream().map(CellJson::of).toList(),
                    r.comparisons().stream().map(ComparisonJson::of).toList(),
                    r.claims().stream().map(ClaimJson::of).toList(),
                    r.ceiling().stream().map(NativeJson::of).toList(), durability);
        }
    }

    /**
     * A variant's metric as a share of the host's own ceiling ({@link NativeCeiling}): {@code percent} and its
     * interval {@code low}..{@code high} at {@code level}, one computation.
     */
    record NativeJson(String variant, String workload, String metric, String unit, double nativeMean, double mean,
                      double percent, double low, double high, double level, String note) {

        static NativeJson of(NativeCeiling.Share s) {
            return new NativeJson(s.variant(), s.workload(), s.metric(), s.unit(), s.ceiling(), s.mean(),
                    s.percent(), s.low(), s.high(), s.share().confidence(),
                    s.share().note().isEmpty() ? null : s.share().note());
        }
    }

    /** How the run went. */
    record Run(String status, Map<String, String> environment, List<VariantFailure> failures) {
    }

    /** Statistics of one (variant, workload, metric): its samples, replicates and the split of its noise. */
    record CellJson(String variant, String workload, String metric, String unit, String better, int n, int boots,
                    String replicate, double mean, double median, double stddev, double cv, double ci95Low,
                    double ci95High, double withinBootCv, double betweenBootCv, double icc, double sdFloor,
                    double driftP, List<OutlierJson> outliers, List<String> notes) {

        static CellJson of(Cell c) {
            CellStatistics s = c.stats();
            VarianceComponents v = c.components();
            return new CellJson(c.variant(), c.workload(), c.metric(), c.unit(), c.direction().json(), s.n(),
                    c.bootCount(), c.replicates().unit().json(), s.mean(), s.median(), s.stddev(), s.cv(),
                    s.ci95Low(), s.ci95High(), v.withinCv(), v.betweenCv(), v.icc(), c.replicates().sdFloor(),
                    c.drift().p(), c.outliers().stream().map(i -> c.samples().get(i))
                    .map(x -> new OutlierJson(x.boot(), x.rep(), x.value())).toList(), c.notes());
        }
    }

    /** A sample flagged as an outlier. */
    record OutlierJson(int boot, int rep, @JsonSerialize(using = Exact.class) double value) {
    }

    /** A candidate against the baseline. */
    record ComparisonJson(String baseline, String candidate, String workload, String metric, String unit,
                          String better, boolean tested, double gain, double gainCiLow, double gainCiHigh,
                          double gainCiLevel, double pValue, double pValueHolm, String verdict,
                          String withoutOutliers, String note) {

        static ComparisonJson of(Comparison c) {
            Gain g = c.gain();
            return new ComparisonJson(c.baseline(), c.candidate(), c.workload(), c.metric(), c.unit(),
                    c.direction().json(), c.tested(), g.value(), g.low(), g.high(), g.confidence(), c.pValue(),
                    c.pHolm(), c.verdict().text(), c.withoutOutliers() == null ? null : c.withoutOutliers().text(),
                    g.note().isEmpty() ? null : g.note());
        }
    }

    /** A claim and its verdict. */
    record ClaimJson(String id, String text, String baseline, String candidate, String workload, String metric,
                     @JsonSerialize(using = Exact.class) double minGain, String verdict, double gain,
                     double gainCiLow, double gainCiHigh, double gainCiLevel, double pValue, double pValueHolm,
                     String reason, String wouldNeed, String withoutOutliers) {

        static ClaimJson of(ClaimResult r) {
            Claim c = r.claim();
            Gain g = r.gain();
            return new ClaimJson(c.id(), c.text(), c.baseline(), c.candidate(), c.workload(), c.metric(),
                    c.minGain(), r.verdict().name(), g.value(), g.low(), g.high(), g.confidence(), r.pValue(),
                    r.pHolm(), r.reason(), r.wouldNeed().isEmpty() ? null : r.wouldNeed(),
                    r.withoutOutliers() == null ? null : r.withoutOutliers().name());
        }
    }

    /** A computed statistic: {@value #DIGITS} significant digits, {@code null} when it does not exist. */
    static final class Statistic extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                json.writeNumber(DecimalText.significant(value, DIGITS));
            } else {
                json.writeNull();
            }
        }
    }

    /** A given number (confidence level, claimed minimum): its shortest exact decimal. */
    static final class Exact extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeNumber(DecimalText.shortest(value));
        }
    }
}
