package dev.vbench.results.history;

import dev.vbench.results.metric.MetricCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads every series of the selected runs with its nights in four queries (runs, environments, series per run,
 * samples), grouping and ordering in memory: the cost grows with the samples, not with the number of series.
 * Rows of a run ingested between two of the queries are skipped.
 */
final class NightLoader {
    /** Fingerprint key to the run.json environment key it is read from. */
    static final Map<String, String> FINGERPRINT = Map.of("qemu", "hypervisor_version", "libvirt", "libvirt_version",
            "host_kernel", "host_kernel", "guest_kernel", "guest_kernel", "cpu_model", "host_cpu_model",
            "accelerator", "accelerator", "image", "image_recipe_hash", "harness_commit", "harness_commit");

    private final Connection c;
    private final RunFilter filter;
    private final Map<String, Integer> runIndex = new HashMap<>();
    private final List<RunInfo> runs;

    /** One night being collected: its definitions and samples (boot, rep, value). */
    private static final class NightRows {
        final String variantDef;
        final String workloadDef;
        final List<double[]> rows = new ArrayList<>();

        NightRows(String variantDef, String workloadDef) {
            this.variantDef = variantDef;
            this.workloadDef = workloadDef;
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
            runIndex.put(runs.get(i).runId(), i);
        }
    }

    /** @return the selected runs, oldest first */
    List<RunInfo> runs() {
        return runs;
    }

    /**
     * @param annotations every annotation of the history
     * @param hostOfRun   the host of each run an annotation for every series starts at
     * @return every series of the selected runs, by label, nights oldest first
     */
    List<SeriesHistory> load(List<Annotation> annotations, Map<String, String> hostOfRun) throws SQLException {
        List<Map<String, String>> environments = environments();
        Map<String, SeriesRows> series = series();
        samples(series);
        List<SeriesHistory> out = new ArrayList<>();
        for (SeriesRows s : series.values()) {
            List<Night> nights = new ArrayList<>();
            s.nights().forEach((index, n) -> {
                if (!n.rows.isEmpty()) {
                    nights.add(night(runs.get(index), environments.get(index), n));
                }
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

    private static Night night(RunInfo run, Map<String, String> environment, NightRows n) {
        n.rows.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
        double[] values = new double[n.rows.size()];
        int[] boots = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            boots[i] = (int) n.rows.get(i)[0];
            values[i] = n.rows.get(i)[2];
        }
        Map<String, String> fingerprint = new HashMap<>(environment);
        if (n.variantDef != null) {
            fingerprint.put("variant_def", n.variantDef);
        }
        if (n.workloadDef != null) {
            fingerprint.put("workload_def", n.workloadDef);
        }
        return new Night(run.runId(), run.started(), fingerprint, values, boots);
    }

    /** @return each selected run's fingerprint part that comes from its environment, by run index */
    private List<Map<String, String>> environments() throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        runs.forEach(r -> out.add(new HashMap<>()));
        Map<String, String> byEnvKey = new HashMap<>();
        FINGERPRINT.forEach((fp, env) -> byEnvKey.put(env, fp));
        String keys = String.join(", ", byEnvKey.keySet().stream().map(k -> "'" + k + "'").sorted().toList());
        query("SELECT e.run_id, e.env_key, e.env_value FROM run_environment e JOIN run r ON r.run_id = e.run_id"
                + filter.where(" AND e.env_key IN (" + keys + ")"), rs -> {
                    Integer index = runIndex.get(rs.getString(1));
                    if (index != null) {
                        out.get(index).put(byEnvKey.get(rs.getString(2)), rs.getString(3));
                    }
                });
        return out;
    }

    private Map<String, SeriesRows> series() throws SQLException {
        Map<String, SeriesRows> out = new HashMap<>();
        query("SELECT rs.run_id, rs.series_id, rs.variant_def, rs.workload_def, s.host, s.variant, s.workload, "
                + "s.metric, s.unit FROM run_series rs JOIN series s ON s.series_id = rs.series_id "
                + "JOIN run r ON r.run_id = rs.run_id" + filter.where(""), rs -> {
                    Integer index = runIndex.get(rs.getString(1));
                    if (index != null) {
                        SeriesRows s = out.get(rs.getString(2));
                        if (s == null) {
                            s = new SeriesRows(new SeriesKey(rs.getString(5), rs.getString(6), rs.getString(7),
                                    rs.getString(8)), rs.getString(9), new TreeMap<>());
                            out.put(rs.getString(2), s);
                        }
                        s.nights().put(index, new NightRows(rs.getString(3), rs.getString(4)));
                    }
                });
        return out;
    }

    private void samples(Map<String, SeriesRows> series) throws SQLException {
        query("SELECT sa.run_id, sa.series_id, sa.boot, sa.rep, sa.value FROM sample sa "
                + "JOIN run r ON r.run_id = sa.run_id" + filter.where(""), rs -> {
                    Integer index = runIndex.get(rs.getString(1));
                    SeriesRows s = series.get(rs.getString(2));
                    NightRows n = index == null || s == null ? null : s.nights().get(index);
                    if (n != null) {
                        n.rows.add(new double[] {rs.getInt(3), rs.getInt(4), rs.getDouble(5)});
                    }
                });
    }

    /** A row handler that may throw SQLException. */
    interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Rows rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        }
    }

    /** Which runs to load: of one plan, started at or after a time; either may be absent. */
    record RunFilter(String plan, Instant since) {
        /** @return the WHERE clause over {@code run r}, with the extra conditions appended */
        String where(String extra) {
            List<String> conditions = new ArrayList<>();
            if (plan != null) {
                conditions.add("r.plan_name = ?");
            }
            if (since != null) {
                conditions.add("r.started_us >= ?");
            }
            String base = conditions.isEmpty() ? " WHERE 1 = 1" : " WHERE " + String.join(" AND ", conditions);
            return base + extra;
        }

        void bind(PreparedStatement ps) throws SQLException {
            List<Object> args = new ArrayList<>();
            if (plan != null) {
                args.add(plan);
            }
            if (since != null) {
                args.add(since);
            }
            Sql.bind(ps, args.toArray());
        }

        /** @return the selected runs, oldest first (ties by id) */
        List<RunInfo> runs(Connection c) throws SQLException {
            List<RunInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.run_id, r.host, r.plan_name, r.started_us, "
                    + "r.status FROM run r" + where(""))) {
                bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                                Sql.instant(rs.getLong(4)), rs.getString(5)));
                    }
                }
            }
            out.sort(Comparator.comparing(RunInfo::started).thenComparing(RunInfo::runId));
            return out;
        }
    }
}
