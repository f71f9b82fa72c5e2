package dev.vbench.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the caller knows about the run besides its samples, for the report and summary.json.
 *
 * @param environment host and harness facts (accelerator, kernel, QEMU, libvirt and vbench versions...), sorted
 *                    by key; empty when not recorded
 * @param failures    variants that failed, with their reasons
 * @param status      how the run ended
 */
public record RunContext(Map<String, String> environment, List<VariantFailure> failures, RunStatus status) {

    /** Copies the collections; the environment is sorted by key. */
    public RunContext {
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        failures = List.copyOf(failures);
        java.util.Objects.requireNonNull(status, "status");
    }

    /** @return the context of samples analysed on their own: no environment, no failures, status unknown */
    public static RunContext unknown() {
        return new RunContext(Map.of(), List.of(), RunStatus.UNKNOWN);
    }
}
