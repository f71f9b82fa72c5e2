package dev.vbench.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.SafeMustacheFactory;
import dev.vbench.results.Analysis;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimVerdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hosts of a run on several hypervisor hosts side by side: {@code summary.json} (format {@value #FORMAT}) and
 * {@code report.html} in the run directory, built from each host's own {@code summary.json} (format 3). Nothing is
 * pooled over hosts: each number is one host's, from its own analysis; only claim verdicts are combined, by the
 * plan's rule ({@link #combine}). Numbers are copied exactly as the hosts' summaries hold them.
 */
public final class HostsReport {
    /** The value of {@code format}. */
    public static final String FORMAT = "vbench-hosts";
    /** Version of the layout; raised on any incompatible change. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper READER = new ObjectMapper();
    private static final Mustache TEMPLATE = new SafeMustacheFactory(Set.of("hosts.mustache", "style.mustache"),
            "dev/vbench/results/report").compile("hosts.mustache");

    private HostsReport() {
    }

    /** One host's run: where it ran, where its run directory is (relative), how it ended, why it failed. */
    public record HostRun(String name, String connect, String dir, String status, String failure) {
    }

    /** One host's verdict on a claim, with the gain and interval printed beside it in that host's report. */
    public record HostVerdict(String host, String verdict, JsonNode gain, JsonNode gainCiLow, JsonNode gainCiHigh,
                              JsonNode gainCiLevel, String reason) {
    }

    /** A claim across the hosts: its combined verdict and each host's. */
    public record ClaimAcross(String id, String text, String baseline, String candidate, String workload,
                              String metric, String verdict, List<HostVerdict> hosts) {
    }

    /** One host's statistics of a cell. */
    public record HostCell(String host, JsonNode n, JsonNode boots, JsonNode mean, JsonNode ci95Low,
                           JsonNode ci95High, JsonNode cv) {
    }

    /** A cell (variant, workload, metric) on every host that measured it. */
    public record CellAcross(String variant, String workload, String metric, String unit, List<HostCell> hosts) {
    }

    /** The whole {@code summary.json}. */
    public record Summary(String format, int formatVersion, String plan, String status, String claimsHoldOn,
                          boolean spread, String note, List<HostRun> hosts, List<ClaimAcross> claims,
                          List<CellAcross> cells) {
    }

    /**
     * Combines per-host verdicts. {@code every}: SUPPORTED only when SUPPORTED on every host, REFUTED when REFUTED on
     * any, else INCONCLUSIVE. {@code any}: SUPPORTED when SUPPORTED on some host and REFUTED on none, REFUTED when
     * REFUTED on every host, else INCONCLUSIVE. A host that could not decide (failed, or lacks the variants) counts
     * as INCONCLUSIVE.
     */
    public static ClaimVerdict combine(String rule, List<ClaimVerdict> verdicts) {
        boolean allSupported = !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v == ClaimVerdict.SUPPORTED);
        boolean anyRefuted = verdicts.contains(ClaimVerdict.REFUTED);
        boolean allRefuted = !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v == ClaimVerdict.REFUTED);
        return switch (rule) {
            case "every" -> allSupported ? ClaimVerdict.SUPPORTED
                    : anyRefuted ? ClaimVerdict.REFUTED : ClaimVerdict.INCONCLUSIVE;
            case "any" -> allRefuted ? ClaimVerdict.REFUTED : verdicts.contains(ClaimVerdict.SUPPORTED)
                    && !anyRefuted ? ClaimVerdict.SUPPORTED : ClaimVerdict.INCONCLUSIVE;
            default -> throw new IllegalArgumentException("claims_hold_on is every or any, not " + rule);
        };
    }

    /**
     * Builds the summary from each host's {@code summary.json} under {@code dir} and writes {@code summary.json} and
     * {@code report.html} there.
     *
     * @param claims every claim of the plan (a host decides those whose variants it ran)
     * @throws IOException when a host's summary cannot be read or an output cannot be written
     */
    public static Summary write(Path dir, String plan, String status, String claimsHoldOn, boolean spread,
            List<Claim> claims, List<HostRun> hosts) throws IOException {
        Map<String, JsonNode> summaries = new LinkedHashMap<>();
        for (HostRun h : hosts) {
            Path file = dir.resolve(h.dir()).resolve(Analysis.SUMMARY_JSON);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                summaries.put(h.name(), READER.readTree(file.toFile()));
            }
        }
        Summary summary = summarize(plan, status, claimsHoldOn, spread, claims, hosts, summaries);
        OutputFiles.replace(dir.resolve(Analysis.SUMMARY_JSON), json(summary));
        OutputFiles.replace(dir.resolve(Analysis.REPORT_HTML), html(summary));
        return summary;
    }

    /** The summary of {@code summaries} (host name to that host's summary.json tree): pure. */
    public static Summary summarize(String plan, String status, String claimsHoldOn, boolean spread,
            List<Claim> claims, List<HostRun> hosts, Map<String, JsonNode> summaries) {
        List<ClaimAcross> across = new ArrayList<>();
        for (Claim c : claims) {
            List<HostVerdict> per = new ArrayList<>();
            List<ClaimVerdict> verdicts = new ArrayList<>();
            for (HostRun h : hosts) {
                JsonNode found = find(summaries.get(h.name()), "claims", n -> n.path("id").asText().equals(c.id()));
                if (found == null) {
                    verdicts.add(ClaimVerdict.INCONCLUSIVE);
                    per.add(new HostVerdict(h.name(), "NOT DECIDED", null, null, null, null, h.failure() != null
                            ? "the host failed: " + h.failure() : "the host did not run both variants"));
                } else {
                    verdicts.add(ClaimVerdict.valueOf(found.path("verdict").asText()));
                    per.add(new HostVerdict(h.name(), found.path("verdict").asText(), found.get("gain"),
                            found.get("gain_ci_low"), found.get("gain_ci_high"), found.get("gain_ci_level"),
                            found.path("reason").asText(null)));
                }
            }
            across.add(new ClaimAcross(c.id(), c.text(), c.baseline(), c.candidate(), c.workload(), c.metric(),
                    combine(claimsHoldOn, verdicts).name(), per));
        }
        Map<String, CellAcross> cells = new LinkedHashMap<>();
        for (HostRun h : hosts) {
            JsonNode s = summaries.get(h.name());
            for (JsonNode cell : s == null ? List.<JsonNode>of() : iterable(s.path("cells"))) {
                String key = cell.path("variant").asText() + "\u0000" + cell.path("workload").asText() + "\u0000"
                        + cell.path("metric").asText();
                cells.computeIfAbsent(key, k -> new CellAcross(cell.path("variant").asText(),
                        cell.path("workload").asText(), cell.path("metric").asText(), cell.path("unit").asText(),
                        new ArrayList<>())).hosts().add(new HostCell(h.name(), cell.get("n"), cell.get("boots"),
                        cell.get("mean"), cell.get("ci95_low"), cell.get("ci95_high"), cell.get("cv")));
            }
        }
        return new Summary(FORMAT, FORMAT_VERSION, plan, status, claimsHoldOn, spread,
                "each host analysed on its own; nothing pooled over hosts; claim verdicts combined by claims_hold_on",
                hosts, across, new ArrayList<>(cells.values()));
    }

    /** The {@code summary.json} text of {@code summary}: two-space indented, LF, ending with a line end. */
    public static String json(Summary summary) {
        try {
            return SummaryJson.WRITER.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code report.html} text of {@code summary}; every value HTML-escaped. */
    public static String html(Summary summary) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, HostsView.of(summary));
        return out.toString();
    }

    private static JsonNode find(JsonNode summary, String array, java.util.function.Predicate<JsonNode> match) {
        if (summary == null) {
            return null;
        }
        for (JsonNode n : iterable(summary.path(array))) {
            if (match.test(n)) {
                return n;
            }
        }
        return null;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Lower-case text of a verdict for CSS classes. */
    static String css(String verdict) {
        return verdict.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
