package dev.vbench.results.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.FiellerGain;
import dev.vbench.results.stats.Gain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable summary of an analysis, {@code summary.json}. Its layout is versioned by
 * {@code format_version}; statistics are rounded to {@value #DIGITS} significant digits (the raw samples in
 * results.csv keep full precision), values that do not exist (the standard deviation of one sample, an
 * unbounded interval) are {@code null}. Output is byte-identical for the same input on every JDK and locale.
 */
public final class SummaryJson {
    /** Version of the layout below; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;
    /** Significant digits of every computed statistic. */
    public static final int DIGITS = 6;

    private static final JsonFactory JSON = new JsonFactory();

    private SummaryJson() {
    }

    /**
     * @param result the analysis
     * @return the JSON text, two-space indented, LF line ends, ending with a line end
     */
    public static String format(AnalysisResult result) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter));
            write(json, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(JsonGenerator json, AnalysisResult result) throws IOException {
        json.writeStartObject();
        json.writeNumberField("format_version", FORMAT_VERSION);
        json.writeStringField("baseline", result.baseline());
        json.writeStringField("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        json.writeFieldName("confidence");
        json.writeNumber(DecimalText.shortest(CellStatistics.CONFIDENCE));
        json.writeFieldName("alpha");
        json.writeNumber(DecimalText.shortest(Comparisons.ALPHA));
        json.writeStringField("ci_method", "student-t");
        json.writeStringField("test_method", "welch-t-two-sided");
        json.writeStringField("multiple_comparisons", "holm");
        json.writeStringField("gain_ci_method", FiellerGain.METHOD);
        json.writeStringField("gain_definition", "candidate/baseline when higher is better, baseline/candidate when "
                + "lower is better: above 1 is always better");
        json.writeObjectFieldStart("run");
        json.writeStringField("status", result.context().status().text());
        json.writeObjectFieldStart("environment");
        for (Map.Entry<String, String> entry : result.context().environment().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("failures");
        for (VariantFailure failure : result.context().failures()) {
            json.writeStartObject();
            json.writeStringField("variant", failure.variant());
            json.writeStringField("reason", failure.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();

        json.writeArrayFieldStart("cells");
        for (Cell cell : result.cells()) {
            CellStatistics s = cell.stats();
            json.writeStartObject();
            json.writeStringField("variant", cell.variant());
            json.writeStringField("workload", cell.workload());
            json.writeStringField("metric", cell.metric());
            json.writeStringField("unit", cell.unit());
            json.writeStringField("better", cell.direction().json());
            json.writeNumberField("n", s.n());
            number(json, "mean", s.mean());
            number(json, "median", s.median());
            number(json, "stddev", s.stddev());
            number(json, "cv", s.cv());
            number(json, "ci95_low", s.ci95Low());
            number(json, "ci95_high", s.ci95High());
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("comparisons");
        for (Comparison c : result.comparisons()) {
            json.writeStartObject();
            json.writeStringField("baseline", c.baseline());
            json.writeStringField("candidate", c.candidate());
            json.writeStringField("workload", c.workload());
            json.writeStringField("metric", c.metric());
            json.writeStringField("unit", c.unit());
            json.writeStringField("better", c.direction().json());
            gain(json, c.gain());
            number(json, "p_value", c.pValue());
            number(json, "p_value_holm", c.pHolm());
            json.writeStringField("verdict", c.verdict().text());
            note(json, c.gain().note());
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("claims");
        for (ClaimResult r : result.claims()) {
            Claim claim = r.claim();
            json.writeStartObject();
            json.writeStringField("id", claim.id());
            json.writeStringField("text", claim.text());
            json.writeStringField("baseline", claim.baseline());
            json.writeStringField("candidate", claim.candidate());
            json.writeStringField("workload", claim.workload());
            json.writeStringField("metric", claim.metric());
            json.writeFieldName("min_gain");
            json.writeNumber(DecimalText.shortest(claim.minGain()));
            json.writeStringField("verdict", r.verdict().name());
            gain(json, r.gain());
            json.writeStringField("reason", r.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void gain(JsonGenerator json, Gain gain) throws IOException {
        number(json, "gain", gain.value());
        number(json, "gain_ci95_low", gain.ci95Low());
        number(json, "gain_ci95_high", gain.ci95High());
    }

    private static void note(JsonGenerator json, String note) throws IOException {
        if (note.isEmpty()) {
            json.writeNullField("note");
        } else {
            json.writeStringField("note", note);
        }
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        if (Double.isFinite(value)) {
            json.writeNumber(DecimalText.significant(value, DIGITS));
        } else {
            json.writeNull();
        }
    }
}
