package dev.vbench.results.history;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.metric.MetricCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts one run into the history in one transaction. Rows other runs share (definitions, series) are inserted with
 * {@code ON CONFLICT DO NOTHING}, in a fixed order (definitions, then series, each by key), so two processes
 * ingesting at once into PostgreSQL wait for each other instead of failing or deadlocking.
 */
final class Ingest {
    private final RunArchive run;
    private final String contentHash;
    /** series id to the series and its unit, by id: the insertion order. */
    private final Map<String, SeriesRow> series = new TreeMap<>();
    /** definition hash to its kind and body, by hash: the insertion order. */
    private final Map<String, String[]> definitions = new TreeMap<>();

    /** Sample rows (run key, series key, boot, rep, value) by series key, boot and rep. */
    private static final Comparator<Object[]> SAMPLE_ORDER = Comparator.<Object[]>comparingLong(r -> (Long) r[1])
            .thenComparingInt(r -> (Integer) r[2]).thenComparingInt(r -> (Integer) r[3]);

    private record SeriesRow(SeriesKey key, String unit, String variantDef, String workloadDef) {
    }

    /** Checks the run before any database work: one unit per series, a direction for every metric. */
    Ingest(RunArchive run) {
        this.run = run;
        this.contentHash = run.contentHash();
        Map<String, String> variantHashes = hashes("variant", run.variantDefs());
        Map<String, String> workloadHashes = hashes("workload", run.workloadDefs());
        for (Sample s : run.samples()) {
            SeriesKey key = new SeriesKey(run.host(), s.variant(), s.workload(), s.metric());
            SeriesRow row = series.computeIfAbsent(key.id(), id -> {
                MetricCatalog.direction(s.metric(), s.unit());
                return new SeriesRow(key, s.unit(), variantHashes.get(s.variant()), workloadHashes.get(s.workload()));
            });
            if (!row.unit().equals(s.unit())) {
                throw new ResultsInputException("run " + run.runId() + ": " + key.label() + " has samples in "
                        + row.unit() + " and in " + s.unit() + "; a series has one unit");
            }
        }
    }

    private Map<String, String> hashes(String kind, Map<String, String> defs) {
        Map<String, String> out = new TreeMap<>();
        defs.forEach((name, body) -> {
            String hash = SeriesKey.sha256Hex(body);
            out.put(name, hash);
            definitions.put(hash, new String[] {kind, body});
        });
        return out;
    }

    /** Runs the transaction on a connection in auto-commit mode, which it leaves in auto-commit mode. */
    IngestResult into(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            IngestResult result = write(c);
            if (result.added()) {
                c.commit();
            } else {
                c.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private IngestResult write(Connection c) throws SQLException {
        String existing = existingHash(c);
        long runKey = Sql.runKey(run.runId());
        if (existing == null && Sql.update(c, "INSERT INTO run (run_id, run_key, host, plan_name, plan_hash, "
                + "started_us, ended_us, status, content_hash, canary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", run.runId(), runKey, run.host(), run.planName(), run.planHash(),
                run.started(), Sql.nullable(run.ended()), run.status(), contentHash, run.canary()) == 0) {
            existing = existingHash(c);
        }
        if (existing != null) {
            if (!existing.equals(contentHash)) {
                throw new ResultsInputException("run " + run.runId() + " is already in the history with different "
                        + "content; a run id names one run: ingest the run directory that was ingested before, or "
                        + "another history");
            }
            return new IngestResult(run.runId(), false, run.samples().size(), 0);
        }
        batch(c, "INSERT INTO run_environment (run_id, env_key, env_value) VALUES (?, ?, ?)",
                run.environment().entrySet().stream().map(e -> new Object[] {run.runId(), e.getKey(), e.getValue()})
                        .toArray(Object[][]::new));
        batch(c, "INSERT INTO definition (def_hash, kind, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                definitions.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()[0], e.getValue()[1]})
                        .toArray(Object[][]::new));
        int[] added = batch(c, "INSERT INTO series (series_id, series_key, host, variant, workload, metric, "
                + "unit) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", series.entrySet().stream().map(e -> {
                    SeriesKey k = e.getValue().key();
                    return new Object[] {e.getKey(), Sql.seriesKey(e.getKey()), k.host(), k.variant(), k.workload(),
                        k.metric(), e.getValue().unit()};
                }).toArray(Object[][]::new));
        checkUnits(c);
        batch(c, "INSERT INTO run_series (run_key, series_key, variant_def, workload_def) VALUES (?, ?, ?, ?)",
                series.entrySet().stream().map(e -> new Object[] {runKey, Sql.seriesKey(e.getKey()),
                    e.getValue().variantDef(), e.getValue().workloadDef()}).toArray(Object[][]::new));
        // in key order, so that a night's samples lie together and in (boot, rep) order in an SQLite file
        batch(c, "INSERT INTO sample (run_key, series_key, boot, rep, value) VALUES (?, ?, ?, ?, ?)",
                run.samples().stream().map(s -> new Object[] {runKey, Sql.seriesKey(new SeriesKey(run.host(),
                    s.variant(), s.workload(), s.metric()).id()), s.boot(), s.rep(), s.value()})
                        .sorted(SAMPLE_ORDER).toArray(Object[][]::new));
        batch(c, "INSERT INTO verdict (run_id, claim_id, verdict, gain, gain_low, gain_high) VALUES (?, ?, ?, ?, ?, ?)",
                run.verdicts().stream().map(v -> new Object[] {run.runId(), v.claimId(), v.verdict(),
                    Sql.nullable(v.gain()), Sql.nullable(v.low()), Sql.nullable(v.high())}).toArray(Object[][]::new));
        int newSeries = 0;
        for (int n : added) {
            newSeries += n > 0 ? 1 : 0;
        }
        return new IngestResult(run.runId(), true, run.samples().size(), newSeries);
    }

    private String existingHash(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_hash FROM run WHERE run_id = ?")) {
            ps.setString(1, run.runId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A series the history knew before keeps its unit: samples in another unit would not be comparable. */
    private void checkUnits(Connection c) throws SQLException {
        Map<String, String> wrong = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series_id, unit FROM series WHERE host = ?")) {
            ps.setString(1, run.host());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesRow row = series.get(rs.getString(1));
                    if (row != null && !row.unit().equals(rs.getString(2))) {
                        wrong.put(row.key().label(), row.key().label() + " is in " + row.unit()
                                + " but the history has it in " + rs.getString(2));
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            String more = wrong.size() == 1 ? "" : " (and " + (wrong.size() - 1) + " more series)";
            throw new ResultsInputException("run " + run.runId() + ": " + wrong.values().iterator().next() + more
                    + "; a series keeps its unit: convert the samples or use another history");
        }
    }

    private static int[] batch(Connection c, String sql, Object[][] rows) throws SQLException {
        if (rows.length == 0) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Sql.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
