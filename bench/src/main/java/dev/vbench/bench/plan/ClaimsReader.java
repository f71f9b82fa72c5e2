package dev.vbench.bench.plan;

import dev.vbench.provisioning.Variant;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.claims.DurabilityMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads claims into {@link Claim}s, the one claim record: the list under a plan's {@code claims:} key and a claims
 * file alike. A claims file is a mapping whose single key {@code claims} holds the list a plan would hold:
 *
 * <pre>
 * claims:
 *   - id: virtio-disk-randread
 *     text: virtio disk gives at least 1.5x the random-read IOPS of IDE
 *     baseline: ide-wt-e1000
 *     candidate: virtio-wt-e1000
 *     workload: randread-4k
 *     metric: read_iops
 *     min_gain: 1.5
 * </pre>
 *
 * <p>Each claim has the keys {@code id, text, baseline, candidate, workload, metric, min_gain}, all required but
 * {@code text} (one line of at most 500 characters, by default {@link Claim#defaultText}). The rules are
 * {@link Claim}'s: ids in {@link Claim#ID}, unique within the list; {@code min_gain} a number in (0,
 * {@link Claim#MAX_GAIN}]; baseline and candidate different. Baseline, candidate and workload are names in the
 * alphabet of variant names. Inside a plan they must also name the plan's variants and workloads, and the metric
 * one that workload produces; a claims file on its own ({@code --claims}) is not tied to a plan, and a claim about
 * a cell without samples is decided INCONCLUSIVE. Problems are {@link PlanException}s naming file, line and key.
 *
 * <p>A claim whose metric is a {@link DurabilityMetric} ({@code acked_lost}, {@code corrupt}) is a
 * {@link DurabilityClaim} instead, with the keys {@code id, text, variant, workload, metric, max}: {@code max} the
 * most a crash trial may count and still support it (a whole number, 0 for "never"). Ids are unique across both
 * kinds.
 *
 * <pre>
 *   - id: writethrough-keeps-synced
 *     variant: virtio-wt
 *     workload: durable-sync
 *     metric: acked_lost
 *     max: 0
 * </pre>
 */
public final class ClaimsReader {
    private static final String FILE_KEY = "claims";
    private static final List<String> KEYS = List.of("id", "text", "baseline", "candidate", "workload", "metric",
            "min_gain");
    private static final List<String> DURABILITY_KEYS = List.of("id", "text", "variant", "workload", "metric", "max");

    private ClaimsReader() {
    }

    /**
     * Reads the speed claims of a claims file (UTF-8); {@link #readAll} also gives its durability claims.
     *
     * @throws IOException    when the file cannot be read
     * @throws PlanException  when it is not a valid claims file
     */
    public static List<Claim> read(Path file) throws IOException {
        return readAll(file).speed();
    }

    /**
     * Reads every claim of a claims file (UTF-8).
     *
     * @throws IOException    when the file cannot be read
     * @throws PlanException  when it is not a valid claims file
     */
    public static ClaimLists readAll(Path file) throws IOException {
        return parseAll(PlanParser.readText(file, "claims file", "give the path of a claims file"), file.toString());
    }

    /**
     * Parses the speed claims of the text of a claims file; {@code fileName} names it in messages.
     *
     * @throws PlanException when the text is not a valid claims file
     */
    public static List<Claim> parse(String text, String fileName) {
        return parseAll(text, fileName).speed();
    }

    /**
     * Parses every claim of the text of a claims file; {@code fileName} names it in messages.
     *
     * @throws PlanException when the text is not a valid claims file
     */
    public static ClaimLists parseAll(String text, String fileName) {
        PlanNode root = PlanYaml.read(text, fileName);
        if (root == null || root.isNull()) {
            throw new PlanException(fileName, 1, FILE_KEY, "missing (required; a claims file is a mapping with the"
                    + " key claims holding a list of claims, e.g. claims: [])");
        }
        PlanNode list = root.map("a mapping with the key claims holding a list of claims").allowKeys(List.of(FILE_KEY))
                .required(FILE_KEY, "a list of claims, [] for none");
        return read(list, null, null);
    }

    /**
     * The claims of a list node; with {@code variants} and {@code workloads} (a plan's) their references are checked,
     * with {@code null} they are not.
     */
    static ClaimLists read(PlanNode list, List<Variant> variants, List<Workload> workloads) {
        Map<String, PlanNode> ids = new HashMap<>();
        List<Claim> out = new ArrayList<>();
        List<DurabilityClaim> durable = new ArrayList<>();
        for (PlanNode item : list.list("a list of claims (use [] for none)")) {
            PlanNode m = item.map("a mapping {id, text, baseline, candidate, workload, metric, min_gain}");
            Optional<DurabilityMetric> durability = m.get("metric").filter(PlanNode::isValue).map(PlanNode::text)
                    .flatMap(DurabilityMetric::of);
            m.allowKeys(durability.isPresent() ? DURABILITY_KEYS : KEYS);
            PlanNode idNode = m.required("id", "e.g. id: virtio-blk-iops");
            String id = idNode.name(Claim.ID, "claim id");
            PlanNode first = ids.putIfAbsent(id, idNode);
            if (first != null) {
                throw idNode.error("duplicate claim id " + OneLine.quote(id) + " (first on line " + first.line() + ")");
            }
            List<String> variantNames = variants == null ? null : variants.stream().map(Variant::name).toList();
            List<String> workloadNames = workloads == null ? null : workloads.stream().map(Workload::name).toList();
            if (durability.isPresent()) {
                durable.add(durability(m, id, durability.get(), variantNames, workloadNames));
                continue;
            }
            String baseline = name(m.required("baseline", "a variant name"), variantNames, "variant");
            String candidate = name(m.required("candidate", "a variant name"), variantNames, "variant");
            String workload = name(m.required("workload", "a workload name"), workloadNames, "workload");
            String metric = workloads == null ? metric(m.required("metric", "e.g. metric: read_iops"))
                    : metric(m, workloads.get(workloadNames.indexOf(workload)));
            PlanNode gainNode = m.required("min_gain", "e.g. min_gain: 1.2 for at least 20% better");
            double minGain = gainNode.number();
            String text = m.get("text").map(ClaimsReader::text)
                    .orElseGet(() -> Claim.defaultText(baseline, candidate, workload, metric, minGain));
            if (baseline.equals(candidate)) {
                throw m.get("candidate").orElseThrow().error("is the same variant as baseline (" + baseline
                        + "): a claim compares two different variants");
            }
            if (!(minGain > 0 && minGain <= Claim.MAX_GAIN)) {
                throw gainNode.error(InvalidSpecException.decimal(minGain) + " is out of range (valid: > 0 and <= "
                        + InvalidSpecException.decimal(Claim.MAX_GAIN) + ", e.g. 1.2 for 'at least 20% better')");
            }
            out.add(new Claim(id, text, baseline, candidate, workload, metric, minGain));
        }
        return new ClaimLists(out, durable);
    }

    /** A durability claim: what a crash trial of {@code variant} running {@code workload} may cost at most. */
    private static DurabilityClaim durability(PlanNode m, String id, DurabilityMetric metric, List<String> variants,
            List<String> workloads) {
        String variant = name(m.required("variant", "the variant crashed, e.g. variant: virtio-wt"), variants,
                "variant");
        String workload = name(m.required("workload", "the durability workload run on it"), workloads, "workload");
        int max = m.required("max", "the most " + metric.json() + " a crash trial may have, e.g. max: 0 for never")
                .integer(0, Integer.MAX_VALUE);
        String text = m.get("text").map(ClaimsReader::text)
                .orElseGet(() -> DurabilityClaim.defaultText(variant, workload, metric, max));
        return new DurabilityClaim(id, text, variant, workload, metric, max);
    }

    /** A variant or workload name: one of {@code valid}, or any well-formed name when {@code valid} is null. */
    private static String name(PlanNode node, List<String> valid, String what) {
        return valid == null ? node.name(Variant.NAME, what + " name") : node.reference(valid, what);
    }

    private static String metric(PlanNode m, Workload workload) {
        List<String> valid = workload.metricNames();
        PlanNode node = m.required("metric", "valid for " + workload.name() + ": " + String.join(", ", valid));
        String metric = node.text();
        if (!valid.contains(metric)) {
            throw node.error("unknown metric " + OneLine.quote(metric) + " for " + workload.tool() + " workload "
                    + workload.name() + " (valid: " + String.join(", ", valid) + ")" + Suggestion.of(metric, valid));
        }
        return metric;
    }

    private static String metric(PlanNode node) {
        String metric = node.text();
        if (metric.isBlank() || metric.chars().anyMatch(Character::isISOControl)) {
            throw node.error("not a metric name: " + OneLine.quote(metric));
        }
        return metric;
    }

    private static String text(PlanNode node) {
        String text = node.text();
        if (text.isBlank() || text.length() > 500 || text.chars().anyMatch(Character::isISOControl)) {
            throw node.error("must be one non-empty line of at most 500 characters");
        }
        return text;
    }
}
