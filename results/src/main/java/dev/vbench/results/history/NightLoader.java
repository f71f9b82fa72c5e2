package dev.vbench.results.history;

import dev.vbench.results.metric.MetricCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads every series of the selected runs with its nights in six queries (runs, environments, series, variant and
 * workload definitions, samples), grouping and ordering in memory: the cost grows with the samples, not with the
 * number of series, and the samples are read as numbers only (run_key, series_key, boot, rep, value). Rows of a
 * run ingested between two of the queries are skipped.
 */
final class NightLoader {
    /** Fingerprint key to the run.json environment key it is read from. */
    static final Map<String, String> FINGERPRINT = Map.of("qemu", "hypervisor_version", "libvirt", "libvirt_version",
            "host_kernel", "host_kernel", "guest_kernel", "guest_kernel", "cpu_model", "host_cpu_model",
            "accelerator", "accelerator", "image", "image_recipe_hash", "harness_commit", "harness_commit");

    private final Connection c;
    private final RunFilter filter;
    private final List<RunInfo> runs;
    private final Map<Long, Integer> runIndex = new HashMap<>();

    /** One night being collected: its samples as (boot, rep, value) in arrival order. */
    private static final class NightRows {
        int size;
        int[] boots = new int[8];
        int[] reps = new int[8];
        double[] values = new double[8];

        void add(int boot, int rep, double value) {
            if (size == values.length) {
                boots = Arrays.copyOf(boots, size * 2);
                reps = Arrays.copyOf(reps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            boots[size] = boot;
            reps[size] = rep;
            values[size++] = value;
        }
    }

    /** One series being collected: its key, unit and nights by run index. */
    private record SeriesRows(SeriesKey key, String unit, TreeMap<Integer, NightRows> nights) {
    }

    NightLoader(Connection c, RunFilter filter) throws SQLException {
        this.c = c;
        this.filter = filter;
        this.runs = filter.runs(c);
        for (int i = 0; i < runs.size(); i++) {
            runIndex.put(Sql.runKey(runs.get(i).runId()), i);
        }
    }

    /**
     * @param annotations every annotation of the history
     * @param hostOfRun   the host of each run an annotation for every series starts at
     * @return every series of the selected runs, by label, nights oldest first
     */
    List<SeriesHistory> load(List<Annotation> annotations, Map<String, String> hostOfRun) throws SQLException {
        Map<Long, SeriesRows> series = new HashMap<>();
        query("SELECT s.series_key, s.host, s.variant, s.workload, s.metric, s.unit FROM series s", rs -> series.put(
                rs.getLong(1), new SeriesRows(new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), rs.getString(6), new TreeMap<>())), false);
        samples(series);
        List<Map<String, String>> environments = environments();
        Map<Integer, Map<String, String>> variantDefs = definitions("variant");
        Map<Integer, Map<String, String>> workloadDefs = definitions("workload");
        List<SeriesHistory> out = new ArrayList<>();
        for (SeriesRows s : series.values()) {
            if (s.nights().isEmpty()) {
                continue;
            }
            List<Night> nights = new ArrayList<>();
            s.nights().forEach((index, n) -> {
                Map<String, String> fingerprint = new HashMap<>(environments.get(index));
                String variantDef = variantDefs.getOrDefault(index, Map.of()).get(s.key().variant());
                String workloadDef = workloadDefs.getOrDefault(index, Map.of()).get(s.key().workload());
                if (variantDef != null) {
                    fingerprint.put("variant_def", variantDef);
                }
                if (workloadDef != null) {
                    fingerprint.put("workload_def", workloadDef);
                }
                nights.add(night(runs.get(index), fingerprint, n));
            });
            List<Annotation> applying = annotations.stream().filter(a -> a.applies(s.key()) && (!a.seriesId()
                    .equals("*") || s.key().host().equals(hostOfRun.getOrDefault(a.fromRun(), s.key().host()))))
                    .toList();
            out.add(new SeriesHistory(s.key(), s.unit(), MetricCatalog.direction(s.key().metric(), s.unit()), nights,
                    applying));
        }
        out.sort(Comparator.comparing((SeriesHistory h) -> h.key().label()));
        return out;
    }

    /** The samples, in (boot, rep) order: as the primary key stores them, else sorted. */
    private static Night night(RunInfo run, Map<String, String> fingerprint, NightRows n) {
        Integer[] order = new Integer[n.size];
        boolean sorted = true;
        for (int i = 0; i < n.size; i++) {
            order[i] = i;
            sorted &= i == 0 || n.boots[i - 1] < n.boots[i]
                    || n.boots[i - 1] == n.boots[i] && n.reps[i - 1] < n.reps[i];
        }
        if (!sorted) {
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> n.boots[i]).thenComparingInt(i -> n.reps[i]));
        }
        double[] values = new double[n.size];
        int[] boots = new int[n.size];
        for (int i = 0; i < n.size; i++) {
            values[i] = n.values[order[i]];
            boots[i] = n.boots[order[i]];
        }
        return new Night(run.runId(), run.started(), fingerprint, values, boots);
    }

    private void samples(Map<Long, SeriesRows> series) throws SQLException {
        long[] last = {0, 0};
        NightRows[] current = {null};
        query("SELECT sa.run_key, sa.series_key, sa.boot, sa.rep, sa.value FROM sample sa"
                + filter.where("sa.run_key", ""), rs -> {
                    long runKey = rs.getLong(1);
                    long seriesKey = rs.getLong(2);
                    if (current[0] == null || runKey != last[0] || seriesKey != last[1]) {
                        Integer index = runIndex.get(runKey);
                        SeriesRows s = series.get(seriesKey);
                        current[0] = index == null || s == null ? null
                                : s.nights().computeIfAbsent(index, i -> new NightRows());
                        last[0] = runKey;
                        last[1] = seriesKey;
                    }
                    if (current[0] != null) {
                        current[0].add(rs.getInt(3), rs.getInt(4), rs.getDouble(5));
                    }
                }, true);
    }

    /** @return each selected run's fingerprint part that comes from its environment, by run index */
    private List<Map<String, String>> environments() throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        runs.forEach(r -> out.add(new HashMap<>()));
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byId.put(runs.get(i).runId(), i);
        }
        Map<String, String> byEnvKey = new HashMap<>();
        FINGERPRINT.forEach((fp, env) -> byEnvKey.put(env, fp));
        String keys = String.join(", ", byEnvKey.keySet().stream().map(k -> "'" + k + "'").sorted().toList());
        query("SELECT e.run_id, e.env_key, e.env_value FROM run_environment e"
                + filter.where("e.run_id", "e.env_key IN (" + keys + ")"), rs -> {
                    Integer index = byId.get(rs.getString(1));
                    if (index != null) {
                        out.get(index).put(byEnvKey.get(rs.getString(2)), rs.getString(3));
                    }
                }, true);
        return out;
    }

    /** @return run index to variant (or workload) name to its definition's hash */
    private Map<Integer, Map<String, String>> definitions(String kind) throws SQLException {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        query("SELECT DISTINCT rs.run_key, s." + kind + ", rs." + kind + "_def FROM run_series rs "
                + "JOIN series s ON s.series_key = rs.series_key" + filter.where("rs.run_key", "rs." + kind
                + "_def IS NOT NULL"), rs -> {
                    Integer index = runIndex.get(rs.getLong(1));
                    if (index != null) {
                        out.computeIfAbsent(index, i -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }, true);
        return out;
    }

    /** A row handler that may throw SQLException. */
    interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Rows rows, boolean filtered) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (filtered) {
                filter.bind(ps);
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        }
    }
}
