package dev.vbench.results.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which runs a query of the history reads: those of one plan, started at or after a time; either may be absent.
 *
 * @param plan  the plan's name, or null for every plan
 * @param since the earliest start, or null for any
 */
record RunFilter(String plan, Instant since) {

    private List<String> conditions() {
        List<String> out = new ArrayList<>();
        if (plan != null) {
            out.add("r.plan_name = ?");
        }
        if (since != null) {
            out.add("r.started_us >= ?");
        }
        return out;
    }

    /**
     * @param column the column of the queried table that names the run: {@code ..run_id} or {@code ..run_key}
     * @param extra  another condition of the query, or empty
     * @return the WHERE clause (with a leading space), or empty when nothing is filtered
     */
    String where(String column, String extra) {
        List<String> all = new ArrayList<>();
        List<String> runs = conditions();
        if (!runs.isEmpty()) {
            String key = column.endsWith("run_key") ? "r.run_key" : "r.run_id";
            all.add(column + " IN (SELECT " + key + " FROM run r WHERE " + String.join(" AND ", runs) + ")");
        }
        if (!extra.isEmpty()) {
            all.add(extra);
        }
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    /** Binds the filter's values, in the order of {@link #where}'s placeholders. */
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
        List<String> runs = conditions();
        List<RunInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.run_id, r.host, r.plan_name, r.started_us, r.status "
                + "FROM run r" + (runs.isEmpty() ? "" : " WHERE " + String.join(" AND ", runs)))) {
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
