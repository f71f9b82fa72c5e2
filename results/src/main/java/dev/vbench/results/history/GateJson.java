package dev.vbench.results.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code gate.json}: what the nightly gate decided for a run, series by series, with the confirmation's
 * decisions and the regressions confirmed.
 */
public final class GateJson {
    /** The format's name. */
    public static final String FORMAT = "vbench-gate";
    /** Version of the layout; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;

    /** How the gate decides, as gate.json states it. */
    public static final String METHOD = "each series against its stable segment (nights since its last change point"
            + " or expected change, outliers dropped): a prediction t-test of tonight's mean against the segment's"
            + " night means (boot means while the segment has fewer nights than the gate's minimum), one-sided in"
            + " the bad direction; Benjamini-Hochberg across the night's tested series (one primary metric per"
            + " workload); a change must also exceed max(k x the segment's own CV, a floor); suspects are"
            + " re-measured on a fresh boot before the gate fails";

    private static final ObjectWriter WRITER = writer();

    private GateJson() {
    }

    /**
     * @param runId        the run decided
     * @param report       the decisions on the run's night
     * @param confirmation the decisions on the re-measurement
     * @param confirmed    the regressions confirmed
     * @return the text of gate.json, ending with a newline
     */
    public static String format(String runId, GateReport report, List<GateDecision> confirmation,
            List<GateDecision> confirmed) {
        Gate gate = new Gate(FORMAT, FORMAT_VERSION, runId, METHOD, report.environmentShift(),
                confirmed.stream().map(d -> d.key().label()).toList(),
                report.decisions().stream().map(Decision::of).toList(),
                confirmation.stream().map(Decision::of).toList());
        try {
            return WRITER.writeValueAsString(gate) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
                .writer(printer);
    }

    /** The whole file. */
    record Gate(String format, int formatVersion, String runId, String method, boolean environmentShift,
            List<String> confirmedRegressions, List<Decision> decisions, List<Decision> confirmation) {
    }

    /** One series' decision; statistics rounded to 6 significant digits. */
    record Decision(String series, String seriesId, String status, String unit, int baselineNights,
            String replicate, Double baseline, Double tonight, Double ratio, Double low, Double high,
            Double pValue, Double pAdjusted, Double minEffect, String reason) {

        static Decision of(GateDecision d) {
            return new Decision(d.key().label(), d.key().id(), d.status().name().toLowerCase(Locale.ROOT), d.unit(),
                    d.baselineNights(), d.replicate(), num(d.baseline()), num(d.tonight()), num(d.ratio()),
                    num(d.low()), num(d.high()), num(d.pValue()), num(d.pAdjusted()), num(d.minEffect()), d.reason());
        }

        private static Double num(double x) {
            return Double.isFinite(x) ? Double.valueOf(String.format(Locale.ROOT, "%.6g", x)) : null;
        }
    }
}
