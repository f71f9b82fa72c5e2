package dev.vbench.results.compare;

import dev.vbench.results.Sample;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run as a comparison takes it: its name, its samples and its environment.
 *
 * @param label       the run's name in the comparison, its run id (run.json {@code run_id})
 * @param samples     the run's samples (results.csv)
 * @param environment the run's environment (run.json {@code environment}), sorted by key; empty when unknown
 */
public record RunSamples(String label, List<Sample> samples, Map<String, String> environment) {

    /** Copies the list and the map. */
    public RunSamples {
        Objects.requireNonNull(label, "label");
        samples = List.copyOf(samples);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }
}
