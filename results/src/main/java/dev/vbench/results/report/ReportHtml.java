package dev.vbench.results.report;

import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.RunStatus;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.chart.MetricLabel;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Gain;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The human-readable report, {@code report.html}: claim verdicts first, then the charts, the comparisons with
 * the baseline, every cell, the run (status, failed variants, environment) and the method. A single file with
 * inline CSS and no script, fonts or anything else fetched: it opens from disk without a network; images are
 * referenced relatively ({@code charts/*.png}).
 */
public final class ReportHtml {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d1d1f;background:#fafafa;line-height:1.45}
            main{max-width:1200px;margin:0 auto;padding:24px 32px 64px}
            h1{font-size:28px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 12px;border-bottom:2px solid #e2e2e2;padding-bottom:4px}
            p.lead{font-size:16px;margin:4px 0 16px;color:#444}
            table{border-collapse:collapse;background:#fff;font-size:14px;margin:8px 0 16px;width:100%}
            th,td{border:1px solid #dcdcdc;padding:5px 9px;text-align:left;vertical-align:top}
            th{background:#f0f0f3;font-weight:600}table.data td{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;padding:2px 9px;border-radius:10px;font-weight:700;font-size:13px;color:#fff;white-space:nowrap}
            .SUPPORTED,.better,.complete{background:#1a7f4b}.REFUTED,.worse,.interrupted{background:#c0392b}
            .INCONCLUSIVE,.partial{background:#b9770e}.nsd,.unknown{background:#6b6b6b}
            .summary{display:flex;gap:14px;flex-wrap:wrap;margin:8px 0}
            .tile{background:#fff;border:1px solid #dcdcdc;border-radius:8px;padding:10px 16px;min-width:150px}
            .tile b{display:block;font-size:24px}.tile.t-supported{border-left:6px solid #1a7f4b}
            .tile.t-refuted{border-left:6px solid #c0392b}.tile.t-inconclusive{border-left:6px solid #b9770e}
            figure{background:#fff;border:1px solid #dcdcdc;border-radius:8px;margin:0 0 18px;padding:10px;display:inline-block;max-width:100%}
            figure img{max-width:100%;height:auto;display:block}figcaption{font-size:13px;color:#555;margin-top:4px}
            .note{color:#555;font-size:14px}code{background:#f0f0f3;padding:0 4px;border-radius:4px}
            td code{white-space:pre-wrap;word-break:break-word}
            """;

    private ReportHtml() {
    }

    /**
     * @param result the analysis
     * @param charts the rendered charts, in display order
     * @return the HTML text
     */
    public static String format(AnalysisResult result, List<ChartFile> charts) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>vbench report: baseline ").append(e(result.baseline())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, result);
        claims(html, result);
        charts(html, charts);
        comparisons(html, result);
        cells(html, result);
        run(html, result);
        method(html);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, AnalysisResult result) {
        RunStatus status = result.context().status();
        html.append("<h1>vbench report</h1>\n<p class=\"lead\">Baseline <b>").append(e(result.baseline()))
                .append("</b> &middot; run <span class=\"badge ").append(status.text()).append("\">")
                .append(status.text()).append("</span> &middot; ")
                .append(result.cells().stream().map(Cell::variant).distinct().count()).append(" variants, ")
                .append(result.cells().stream().map(Cell::workload).distinct().count()).append(" workloads, ")
                .append(result.cells().size()).append(" cells");
        if (!result.context().failures().isEmpty()) {
            html.append(" &middot; <a href=\"#run\">").append(result.context().failures().size())
                    .append(" failed variant(s)</a>");
        }
        html.append("</p>\n");
    }

    private static void claims(StringBuilder html, AnalysisResult result) {
        html.append("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
        html.append("<div class=\"summary\">\n");
        tile(html, "claims", result.claims().size());
        for (ClaimVerdict verdict : ClaimVerdict.values()) {
            tile(html, verdict.name().toLowerCase(Locale.ROOT),
                    result.claims().stream().filter(c -> c.verdict() == verdict).count());
        }
        for (ComparisonVerdict verdict : List.of(ComparisonVerdict.BETTER, ComparisonVerdict.WORSE)) {
            tile(html, "comparisons " + verdict.text(),
                    result.comparisons().stream().filter(c -> c.verdict() == verdict).count());
        }
        html.append("</div>\n<p>Outcome: <b>").append(outcome(result.outcome())).append("</b></p>\n");
        if (result.claims().isEmpty()) {
            html.append("<p class=\"note\">No claims were given; see the comparisons below.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<tr><th>Verdict</th><th>Claim</th><th>Compared</th><th>Gain [95% CI]</th>"
                + "<th>Min gain</th><th>Why</th></tr>\n");
        for (ClaimResult claim : result.claims()) {
            html.append("<tr><td><span class=\"badge ").append(claim.verdict().name()).append("\">")
                    .append(claim.verdict().name()).append("</span></td><td><b>").append(e(claim.claim().id()))
                    .append("</b><br>").append(e(claim.claim().text())).append("</td><td>")
                    .append(e(claim.claim().candidate())).append(" vs ").append(e(claim.claim().baseline()))
                    .append("<br>").append(e(claim.claim().workload())).append(" &middot; ")
                    .append(e(MetricLabel.of(claim.claim().metric()))).append("</td><td class=\"num\">")
                    .append(gain(claim.gain())).append("</td><td class=\"num\">")
                    .append(DecimalText.shortest(claim.claim().minGain())).append("x</td><td>")
                    .append(e(claim.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void tile(StringBuilder html, String label, long count) {
        html.append("<div class=\"tile t-").append(label.replace(' ', '-')).append("\"><b>").append(count).append("</b>").append(e(label)).append("</div>\n");
    }

    private static String outcome(AnalysisOutcome outcome) {
        return switch (outcome) {
            case ALL_SUPPORTED -> "every claim supported (or no claims)";
            case SOME_INCONCLUSIVE -> "no claim refuted, some inconclusive";
            case SOME_REFUTED -> "some claims refuted";
        };
    }

    private static void charts(StringBuilder html, List<ChartFile> charts) {
        html.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            html.append("<p class=\"note\">No charts.</p>\n");
        }
        for (ChartFile chart : charts) {
            html.append("<figure><img src=\"").append(e(chart.png())).append("\" alt=\"").append(e(chart.title()))
                    .append("\" width=\"").append(chart.width()).append("\" height=\"").append(chart.height())
                    .append("\"><figcaption>").append(e(chart.title())).append(" &middot; <a href=\"")
                    .append(e(chart.svg())).append("\">SVG</a></figcaption></figure>\n");
        }
        html.append("</section>\n");
    }

    private static void comparisons(StringBuilder html, AnalysisResult result) {
        html.append("<section id=\"comparisons\">\n<h2>Comparisons with the baseline</h2>\n");
        if (result.comparisons().isEmpty()) {
            html.append("<p class=\"note\">No comparisons: no other variant shares a workload and metric with the "
                    + "baseline.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"data\">\n<tr><th>Candidate</th><th>Workload</th><th>Metric</th><th>Baseline mean</th>"
                + "<th>Candidate mean</th><th>Gain [95% CI]</th><th>p (Welch)</th><th>p (Holm)</th><th>Verdict</th></tr>\n");
        for (Comparison c : result.comparisons()) {
            Optional<Cell> base = cell(result, c.baseline(), c.workload(), c.metric());
            Optional<Cell> cand = cell(result, c.candidate(), c.workload(), c.metric());
            HumanScale scale = HumanScale.of(c.unit(), Math.max(base.map(x -> Math.abs(x.stats().mean())).orElse(0.0),
                    cand.map(x -> Math.abs(x.stats().mean())).orElse(0.0)));
            String verdictClass = c.verdict() == ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE ? "nsd" : c.verdict().text();
            html.append("<tr><td>").append(e(c.candidate())).append("</td><td>").append(e(c.workload()))
                    .append("</td><td>").append(e(MetricLabel.of(c.metric()))).append("</td><td class=\"num\">")
                    .append(base.map(x -> e(scale.format(x.stats().mean()))).orElse("n/a"))
                    .append("</td><td class=\"num\">")
                    .append(cand.map(x -> e(scale.format(x.stats().mean()))).orElse("n/a"))
                    .append("</td><td class=\"num\">").append(gain(c.gain())).append("</td><td class=\"num\">")
                    .append(p(c.pValue())).append("</td><td class=\"num\">").append(p(c.pHolm()))
                    .append("</td><td><span class=\"badge ").append(verdictClass).append("\">")
                    .append(e(c.verdict().text())).append("</span></td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void cells(StringBuilder html, AnalysisResult result) {
        html.append("<section id=\"cells\">\n<h2>All cells</h2>\n<table class=\"data\">\n<tr><th>Variant</th><th>Workload</th>"
                + "<th>Metric</th><th>n</th><th>Mean</th><th>95% CI of the mean</th><th>Median</th><th>Std dev</th>"
                + "<th>CV</th><th>Better</th></tr>\n");
        for (Cell cell : result.cells()) {
            CellStatistics s = cell.stats();
            HumanScale scale = HumanScale.of(cell.unit(), Math.abs(s.mean()));
            html.append("<tr><td>").append(e(cell.variant())).append("</td><td>").append(e(cell.workload()))
                    .append("</td><td>").append(e(MetricLabel.of(cell.metric()))).append("</td><td class=\"num\">")
                    .append(s.n()).append("</td><td class=\"num\">").append(e(scale.format(s.mean())))
                    .append("</td><td class=\"num\">");
            if (Double.isFinite(s.ci95Low())) {
                html.append(e(HumanScale.number(scale.apply(s.ci95Low())))).append(" &ndash; ")
                        .append(e(HumanScale.number(scale.apply(s.ci95High()))));
            } else {
                html.append("n/a");
            }
            html.append("</td><td class=\"num\">").append(e(scale.format(s.median()))).append("</td><td class=\"num\">")
                    .append(Double.isFinite(s.stddev()) ? e(scale.format(s.stddev())) : "n/a")
                    .append("</td><td class=\"num\">")
                    .append(Double.isFinite(s.cv()) ? String.format(Locale.ROOT, "%.1f%%", 100 * s.cv()) : "n/a")
                    .append("</td><td>").append(cell.direction().json()).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void run(StringBuilder html, AnalysisResult result) {
        RunStatus status = result.context().status();
        html.append("<section id=\"run\">\n<h2>Run</h2>\n<p>Status: <span class=\"badge ").append(status.text())
                .append("\">").append(status.text()).append("</span> ").append(statusText(status)).append("</p>\n");
        html.append("<h3>Failed variants</h3>\n");
        if (result.context().failures().isEmpty()) {
            html.append("<p class=\"note\">None.</p>\n");
        } else {
            html.append("<table>\n<tr><th>Variant</th><th>Reason</th></tr>\n");
            for (VariantFailure failure : result.context().failures()) {
                html.append("<tr><td>").append(e(failure.variant())).append("</td><td>").append(e(failure.reason()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h3>Environment</h3>\n");
        if (result.context().environment().isEmpty()) {
            html.append("<p class=\"note\">Not recorded: these samples were analysed without their run's environment "
                    + "(accelerator, kernel, QEMU, libvirt and vbench versions are unknown). Numbers measured under "
                    + "TCG emulation are not comparable with KVM numbers.</p>\n");
        } else {
            html.append("<table>\n<tr><th>Key</th><th>Value</th></tr>\n");
            for (Map.Entry<String, String> entry : result.context().environment().entrySet()) {
                html.append("<tr><td>").append(e(entry.getKey())).append("</td><td><code>").append(e(entry.getValue()))
                        .append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    private static String statusText(RunStatus status) {
        return switch (status) {
            case COMPLETE -> "every planned measurement was made.";
            case PARTIAL -> "the run finished, but some variants failed (see below); their claims are inconclusive.";
            case INTERRUPTED -> "the run was interrupted; only the measurements completed before were analysed.";
            case UNKNOWN -> "not recorded: the samples were analysed without a record of their run.";
        };
    }

    private static void method(StringBuilder html) {
        html.append("<section id=\"method\">\n<h2>Method</h2>\n<ul class=\"note\">\n")
                .append("<li>Confidence intervals of means: Student's t, 95%, n &minus; 1 degrees of freedom.</li>\n")
                .append("<li>Gain: candidate/baseline when higher is better, baseline/candidate when lower is better, "
                        + "so a gain above 1 is always better. Its 95% interval is Fieller's interval for a ratio of "
                        + "two independent means with Welch&ndash;Satterthwaite degrees of freedom.</li>\n")
                .append("<li>Comparisons: Welch's two-sided t-test; verdicts at 5% after Holm's correction across "
                        + "all comparisons of the run.</li>\n")
                .append("<li>Claims: SUPPORTED when the gain's lower 95% bound is at least the claimed minimum, "
                        + "REFUTED when its upper bound is below it, INCONCLUSIVE otherwise or when data are missing "
                        + "or n &lt; 2.</li>\n</ul>\n</section>\n");
    }

    private static Optional<Cell> cell(AnalysisResult result, String variant, String workload, String metric) {
        return result.cells().stream().filter(c -> c.variant().equals(variant) && c.workload().equals(workload)
                && c.metric().equals(metric)).findFirst();
    }

    private static String gain(Gain gain) {
        if (!Double.isFinite(gain.value())) {
            return "n/a";
        }
        String value = "<b>" + DecimalText.significant(gain.value(), 3) + "x</b>";
        if (!gain.hasInterval()) {
            return value + " <span class=\"note\">(" + e(gain.note()) + ")</span>";
        }
        return value + " [" + DecimalText.significant(gain.ci95Low(), 3) + ", "
                + DecimalText.significant(gain.ci95High(), 3) + "]";
    }

    private static String p(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p < 0.0001 ? "&lt; 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String e(String text) {
        return Xml.escape(text);
    }
}
