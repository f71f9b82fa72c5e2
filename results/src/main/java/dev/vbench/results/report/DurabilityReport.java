package dev.vbench.results.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.DecimalText;
import dev.vbench.results.durability.DurabilityCell;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.durability.DurabilityVerdict;
import dev.vbench.results.stats.ClopperPearson;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The durability half of a run in its two formats: {@code durability.json}, written by Jackson with the writer of
 * {@code summary.json} (snake case, statistics to {@value SummaryJson#DIGITS} digits, {@code null} for what does
 * not exist), and an HTML section, the Mustache template {@code durability.mustache}, for a report page (it uses the
 * report's style). Per (variant, workload): trials, acknowledged records lost (count, trials with a loss, the rate
 * per trial with its Clopper-Pearson interval), unacknowledged records present, unacknowledged records lost (of the
 * records issued and never acknowledged; {@code null}, "not recorded", when a trial was checked before the writer
 * announced its writes), corrupt records, fsck outcomes and the variant's write IOPS; then every durability claim
 * with its verdict and the trials that refuted it.
 */
public final class DurabilityReport {
    /** Version of the JSON layout. */
    public static final int FORMAT_VERSION = 1;
    /** A count the trials did not record: they were checked before the writer announced its writes. */
    static final String NOT_RECORDED = "not recorded";
    private static final Mustache TEMPLATE = new SafeMustacheFactory(Set.of("durability.mustache"),
            "dev/vbench/results/report").compile("durability.mustache");

    private DurabilityReport() {
    }

    /** The JSON text, two-space indented, ending with a line end. */
    public static String json(DurabilitySummary summary) {
        try {
            return SummaryJson.WRITER.writeValueAsString(Json.of(summary)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML section, {@code <section id="durability">}, every value escaped. */
    public static String html(DurabilitySummary summary) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, View.of(summary));
        return out.toString();
    }

    /** The whole JSON file. */
    record Json(int formatVersion, String rateMethod, @JsonSerialize(using = SummaryJson.Exact.class) double
            confidence, List<CellJson> cells, List<ClaimJson> claims) {
        static Json of(DurabilitySummary s) {
            return new Json(FORMAT_VERSION, ClopperPearson.METHOD, DurabilityVerdict.CONFIDENCE,
                    s.cells().stream().map(CellJson::of).toList(), s.claims().stream().map(ClaimJson::of).toList());
        }
    }

    /** One (variant, workload). */
    record CellJson(String variant, String workload, int trials, List<String> failedTrials, int ackedTrials,
                    int trialsWithAckedLoss, long ackedRecords, long ackedLost, double ackedLossRate,
                    double ackedLossRateLow, double ackedLossRateHigh, long unackedPresent, Long unackedRecords,
                    Long unackedLost, long corrupt, int trialsWithCorrupt, @JsonProperty("fsck") Fsck fsck,
                    double writeIops) {
        static CellJson of(DurabilityCell c) {
            ClopperPearson r = c.ackedLossRate();
            return new CellJson(c.variant(), c.workload(), c.trials(), c.failures(), c.ackedTrials(),
                    c.trialsWithAckedLoss(), c.acked(), c.ackedLost(), r.rate(), r.low(), r.high(),
                    c.unackedPresent(), c.unacked(), c.unackedLost(), c.corrupt(), c.trialsWithCorrupt(),
                    new Fsck(c.fsckClean(), c.fsckErrors(), c.fsckNotRun()),
                    c.writeIops() == null ? Double.NaN : c.writeIops());
        }
    }

    /** Trials by fsck outcome. */
    record Fsck(int clean, int errors, int notRun) {
    }

    /** A durability claim and its verdict. */
    record ClaimJson(String id, String text, String variant, String workload, String metric, long max,
                     String verdict, int trials, int trialsExceeding, double probabilityLow,
                     double probabilityHigh, String reason, List<ExceededJson> exceeded) {
        static ClaimJson of(DurabilityVerdict v) {
            return new ClaimJson(v.claim().id(), v.claim().text(), v.claim().variant(), v.claim().workload(),
                    v.claim().metric().json(), v.claim().max(), v.verdict().name(), v.interval().n(),
                    v.interval().x(), v.interval().low(), v.interval().high(), v.reason(),
                    v.exceeded().stream().map(e -> new ExceededJson(e.trial(), e.count(), e.seqs())).toList());
        }
    }

    /** A trial above the claim's maximum: its number, its count and the first seqs or slots. */
    record ExceededJson(int trial, long count, List<Long> seqs) {
    }

    /** What the template reads. */
    record View(List<CellView> cells, List<ClaimView> claims, boolean anyClaims, String level) {
        static View of(DurabilitySummary s) {
            return new View(s.cells().stream().map(CellView::of).toList(),
                    s.claims().stream().map(ClaimView::of).toList(), !s.claims().isEmpty(),
                    DecimalText.shortest(DurabilityVerdict.CONFIDENCE * 100) + "%");
        }
    }

    /** A row of the table, every number as text. */
    record CellView(String variant, String workload, int trials, String failed, String ackedLost, String lossTrials,
                    String rate, String unackedPresent, String unackedLost, long corrupt, String fsck,
                    String writeIops) {
        static CellView of(DurabilityCell c) {
            ClopperPearson r = c.ackedLossRate();
            String rate = r.n() == 0 ? "no trial acknowledged a record" : DecimalText.significant(r.rate(), 3)
                    + " [" + DecimalText.significant(r.low(), 3) + ", " + DecimalText.significant(r.high(), 3) + "]";
            return new CellView(c.variant(), c.workload(), c.trials(),
                    c.failures().isEmpty() ? null : c.failures().size() + " failed: " + String.join("; ",
                            c.failures().stream().distinct().toList()),
                    c.ackedLost() + " of " + c.acked(), c.trialsWithAckedLoss() + " of " + c.ackedTrials(), rate,
                    Long.toString(c.unackedPresent()), c.unacked() == null ? NOT_RECORDED : c.unackedLost() + " of "
                    + c.unacked(), c.corrupt(), c.fsckClean() + " clean, " + c.fsckErrors()
                    + " errors, " + c.fsckNotRun() + " not run",
                    c.writeIops() == null ? "not measured" : DecimalText.significant(c.writeIops(), 4));
        }
    }

    /** A claim row. */
    record ClaimView(String id, String text, String variant, String workload, String bound, String verdict,
                     String interval, String reason) {
        static ClaimView of(DurabilityVerdict v) {
            return new ClaimView(v.claim().id(), v.claim().text(), v.claim().variant(), v.claim().workload(),
                    v.claim().metric().json() + " <= " + v.claim().max(), v.verdict().name(),
                    v.interval().x() + " of " + v.interval().n() + " trials, [" + DecimalText.significant(
                    v.interval().low(), 3) + ", " + DecimalText.significant(v.interval().high(), 3) + "]",
                    v.reason());
        }
    }
}
