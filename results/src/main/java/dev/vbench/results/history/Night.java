package dev.vbench.results.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's samples of one series: what the history knows of a series on one night.
 *
 * @param runId       the run's id (run.json {@code run_id})
 * @param started     when the run started; nights are ordered by it
 * @param fingerprint the run's environment fingerprint for this series, sorted by key: {@code qemu},
 *                    {@code libvirt}, {@code host_kernel}, {@code guest_kernel}, {@code cpu_model},
 *                    {@code accelerator}, {@code image}, {@code harness_commit}, {@code variant_def},
 *                    {@code workload_def} (the last two are the definitions' content hashes); a key whose value
 *                    differs from the previous night's is an environment change of the series
 * @param values      the samples, in (boot, rep) order
 * @param boots       the boot of each sample (1 or more), parallel to {@code values}
 */
public record Night(String runId, Instant started, Map<String, String> fingerprint, double[] values, int[] boots) {

    /** Copies the arrays and the map; values and boots must be parallel and not empty. */
    public Night {
        fingerprint = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fingerprint));
        values = values.clone();
        boots = boots.clone();
        if (values.length != boots.length || values.length == 0) {
            throw new IllegalArgumentException("a night needs samples, each with its boot: " + values.length
                    + " values, " + boots.length + " boots");
        }
    }

    /** @return a copy of the samples */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a copy of the samples' boots */
    @Override
    public int[] boots() {
        return boots.clone();
    }

    /** @return the mean of each boot's samples, in boot order: the night's replicates */
    public double[] bootMeans() {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            double[] s = sums.computeIfAbsent(boots[i], b -> new double[2]);
            s[0] += values[i];
            s[1]++;
        }
        return sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
    }

    /** @return the night's value: the mean of its boot means */
    public double mean() {
        return Arrays.stream(bootMeans()).average().orElseThrow();
    }

    /**
     * The keys of the fingerprint whose values differ between two nights, as {@code key: old -> new}, in key
     * order.
     *
     * @param before the earlier night
     * @param after  the later night
     * @return the changes; empty when the fingerprints agree
     */
    public static List<String> changes(Night before, Night after) {
        TreeMap<String, String> keys = new TreeMap<>(before.fingerprint);
        keys.putAll(after.fingerprint);
        return keys.keySet().stream()
                .filter(k -> !java.util.Objects.equals(before.fingerprint.get(k), after.fingerprint.get(k)))
                .map(k -> k + ": " + before.fingerprint.getOrDefault(k, "-") + " -> "
                        + after.fingerprint.getOrDefault(k, "-"))
                .toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Night n && runId.equals(n.runId) && started.equals(n.started)
                && fingerprint.equals(n.fingerprint) && Arrays.equals(values, n.values)
                && Arrays.equals(boots, n.boots);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(runId, started, fingerprint, Arrays.hashCode(values), Arrays.hashCode(boots));
    }

    @Override
    public String toString() {
        return "Night[" + runId + ", " + started + ", " + values.length + " samples]";
    }
}
