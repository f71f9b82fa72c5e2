package dev.vbench.results.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.results.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the history keeps of one run, read from its run directory: run.json (format vbench-run 2),
 * results.csv and, when present, summary.json.
 *
 * @param runId        run.json {@code run_id}
 * @param host         the hypervisor host: the plan's name of it ({@code environment.vbench_host}) when the plan
 *                     names its hosts, else libvirt's ({@code environment.host_name})
 * @param planName     the expanded plan's name
 * @param planHash     {@link SeriesKey#sha256Hex} of the plan's source text
 * @param started      when the run started
 * @param ended        when it ended, or null
 * @param status       how it ended
 * @param environment  the run's environment, sorted by key; {@code guest_kernel} added from the first ready variant
 *                     when the environment has none
 * @param variantDefs  variant name to its expanded definition as canonical JSON, sorted by name
 * @param workloadDefs workload name to its expanded definition as canonical JSON, sorted by name
 * @param samples      the samples of results.csv, in file order
 * @param verdicts     the claims' verdicts from summary.json (empty without it)
 * @param canary       the plan's canary pair (run.json's expanded {@code canary}: the variant and its twin),
 *                     comma-separated, or null when it has none
 */
public record RunArchive(String runId, String host, String planName, String planHash, Instant started,
        Instant ended, String status, Map<String, String> environment, Map<String, String> variantDefs,
        Map<String, String> workloadDefs, List<Sample> samples, List<StoredVerdict> verdicts, String canary) {

    /** Orders samples for the content hash: by cell, boot, repetition, then value. */
    private static final Comparator<Sample> CANONICAL = Comparator.comparing(Sample::variant)
            .thenComparing(Sample::workload).thenComparing(Sample::metric).thenComparing(Sample::unit)
            .thenComparingInt(Sample::boot).thenComparingInt(Sample::rep).thenComparingDouble(Sample::value);

    /** Checks the required parts and copies the collections (maps sorted by key). */
    public RunArchive {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(planHash, "planHash");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        variantDefs = Collections.unmodifiableSortedMap(new TreeMap<>(variantDefs));
        workloadDefs = Collections.unmodifiableSortedMap(new TreeMap<>(workloadDefs));
        samples = List.copyOf(samples);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Reads a run directory.
     *
     * @param runDir the directory vbench run wrote
     * @return its archive
     * @throws dev.vbench.results.ResultsInputException when a file is missing or corrupt, or run.json is not of
     *                                                  format vbench-run 2 (one line naming the file and the fix)
     */
    public static RunArchive read(Path runDir) {
        return RunDirectory.read(runDir);
    }

    /**
     * The SHA-256 of the run's id, samples (in a canonical order, so the file order does not matter), environment
     * and definitions: two archives of one run id with the same hash hold the same measurements.
     *
     * @return 64 hex digits
     */
    public String contentHash() {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("run_id", runId);
        root.set("environment", CanonicalJson.MAPPER.valueToTree(environment));
        root.set("variants", CanonicalJson.MAPPER.valueToTree(variantDefs));
        root.set("workloads", CanonicalJson.MAPPER.valueToTree(workloadDefs));
        ArrayNode rows = root.putArray("samples");
        samples.stream().sorted(CANONICAL).forEach(s -> rows.addArray().add(s.variant()).add(s.workload())
                .add(s.metric()).add(s.unit()).add(s.boot()).add(s.rep()).add(s.value()));
        return SeriesKey.sha256Hex(CanonicalJson.of(root));
    }
}
