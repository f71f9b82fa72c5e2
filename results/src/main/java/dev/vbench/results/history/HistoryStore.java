package dev.vbench.results.history;

import dev.vbench.results.Sample;
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
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;

/**
 * The history of runs in a database: SQLite (a file, the default) or PostgreSQL (shared by a lab), one schema for
 * both, created and migrated by Flyway from {@code db/history}. Every sample is kept with its series, boot and
 * repetition, every run with its environment and the content hashes of its variant and workload definitions.
 * Ingesting is one transaction and idempotent; annotations, change points and alerts are inserted, never updated.
 * One store holds one connection; its methods may be called from several threads (one at a time).
 */
public final class HistoryStore implements AutoCloseable {
    /** Where Flyway finds the migrations. */
    static final String MIGRATIONS = "classpath:db/history";
    private static final int TRIES = 5;

    private final HistoryLocation location;
    private final Connection connection;

    private HistoryStore(HistoryLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /**
     * Opens a history, creating or migrating its schema.
     *
     * @param location a JDBC URL ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST:PORT/DB?user=..}) or the
     *                 path of an SQLite file, created with mode 0600 when missing
     * @return the store; close it
     * @throws dev.vbench.results.ResultsInputException for a path that is a symbolic link or in a missing directory
     * @throws HistoryDatabaseException                 when the database cannot be reached or migrated
     */
    public static HistoryStore open(String location) {
        HistoryLocation where = HistoryLocation.parse(location);
        synchronized (HistoryStore.class) {
            LogFactory.setLogLevel(LogLevel.WARN);
            try {
                Flyway.configure(HistoryStore.class.getClassLoader()).dataSource(new JdbcSource(where))
                        .locations(MIGRATIONS).failOnMissingLocations(true).load().migrate();
            } catch (FlywayException e) {
                String message = e.getMessage();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    message = t instanceof SQLException ? t.getMessage() : message;
                }
                throw new HistoryDatabaseException("history " + where.shown() + ": cannot open it or create its "
                        + "schema: " + oneLine(message), e);
            }
        }
        try {
            return new HistoryStore(where, where.connect());
        } catch (SQLException e) {
            throw failure(where, "cannot connect", e);
        }
    }

    /**
     * Puts a run into the history, in one transaction. Ingesting the same run again changes nothing.
     *
     * @param run the run
     * @return what was added
     * @throws dev.vbench.results.ResultsInputException when the history holds another run of the same id, a series
     *                                                  of the run has another unit in the history, or a metric's
     *                                                  unit says no direction
     */
    public synchronized IngestResult ingest(RunArchive run) {
        Ingest ingest = new Ingest(run);
        for (int attempt = 1; ; attempt++) {
            try {
                return ingest.into(connection);
            } catch (SQLException e) {
                if (attempt >= TRIES || !Sql.transientConflict(e)) {
                    throw failure(location, "cannot ingest run " + run.runId(), e);
                }
            }
        }
    }

    /**
     * @param planOrNull  only runs of this plan, or null for all
     * @param sinceOrNull only runs started at or after this time, or null for all
     * @return the runs, oldest first
     */
    public synchronized List<RunInfo> runs(String planOrNull, Instant sinceOrNull) {
        try {
            return new RunFilter(planOrNull, sinceOrNull).runs(connection);
        } catch (SQLException e) {
            throw failure(location, "cannot list the runs", e);
        }
    }

    /**
     * Every series of the selected runs with its nights, in a few queries whatever the number of series.
     *
     * @param planOrNull  only runs of this plan, or null for all
     * @param sinceOrNull only runs started at or after this time, or null for all
     * @return the series by label ({@code host/variant/workload/metric}), each with its nights oldest first, the
     *         fingerprint of each night and the annotations that apply to it
     */
    public synchronized List<SeriesHistory> histories(String planOrNull, Instant sinceOrNull) {
        try {
            List<Annotation> annotations = Ledger.annotations(connection);
            Map<String, String> hostOfRun = new HashMap<>();
            query("SELECT r.run_id, r.host FROM run r JOIN annotation a ON a.from_run = r.run_id "
                    + "WHERE a.series_id = '*'", null, rs -> hostOfRun.put(rs.getString(1), rs.getString(2)));
            return new NightLoader(connection, new RunFilter(planOrNull, sinceOrNull))
                    .load(annotations, hostOfRun);
        } catch (SQLException e) {
            throw failure(location, "cannot load the histories", e);
        }
    }

    /**
     * @param runId a run's id
     * @return its samples, by variant, workload, metric, boot and repetition; empty for an unknown run
     */
    public synchronized List<Sample> samples(String runId) {
        List<Sample> out = new ArrayList<>();
        query("SELECT s.variant, s.workload, s.metric, s.unit, sa.rep, sa.value, sa.boot FROM sample sa "
                + "JOIN series s ON s.series_key = sa.series_key WHERE sa.run_key = ?", Sql.runKey(runId),
                rs -> out.add(new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getDouble(6), rs.getInt(7))));
        out.sort(Comparator.comparing(Sample::variant).thenComparing(Sample::workload).thenComparing(Sample::metric)
                .thenComparingInt(Sample::boot).thenComparingInt(Sample::rep));
        return out;
    }

    /**
     * @param runId a run's id
     * @return its environment, sorted by key; empty for an unknown run
     */
    public synchronized Map<String, String> environment(String runId) {
        Map<String, String> out = new TreeMap<>();
        query("SELECT env_key, env_value FROM run_environment WHERE run_id = ?", runId,
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /**
     * @param runId a run's id
     * @return the run, or empty when the history does not hold it
     */
    public synchronized Optional<RunInfo> run(String runId) {
        List<RunInfo> out = new ArrayList<>();
        query("SELECT run_id, host, plan_name, started_us, status FROM run WHERE run_id = ?", runId,
                rs -> out.add(new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        Sql.instant(rs.getLong(4)), rs.getString(5))));
        return out.stream().findFirst();
    }

    /**
     * @param runId a run's id
     * @return the verdicts of its claims, by claim id; empty for an unknown run or one without claims
     */
    public synchronized List<StoredVerdict> verdicts(String runId) {
        List<StoredVerdict> out = new ArrayList<>();
        query("SELECT claim_id, verdict, gain, gain_low, gain_high FROM verdict WHERE run_id = ?", runId,
                rs -> out.add(new StoredVerdict(rs.getString(1), rs.getString(2), Sql.getNullableDouble(rs, 3),
                        Sql.getNullableDouble(rs, 4), Sql.getNullableDouble(rs, 5))));
        out.sort(Comparator.comparing(StoredVerdict::claimId));
        return out;
    }

    /**
     * @param runId a run's id
     * @return the canary variant its plan named, or empty when it named none (or the run is unknown)
     */
    public synchronized Optional<String> canary(String runId) {
        List<String> out = new ArrayList<>();
        query("SELECT canary FROM run WHERE run_id = ? AND canary IS NOT NULL", runId, rs -> out.add(rs.getString(1)));
        return out.stream().findFirst();
    }

    /**
     * Records an annotation; recording the same one again changes nothing.
     *
     * @param a the annotation; its run must be in the history, its series too (or be {@code *})
     * @throws dev.vbench.results.ResultsInputException for an unknown run or series
     */
    public synchronized void annotate(Annotation a) {
        try {
            Ledger.annotate(connection, a);
        } catch (SQLException e) {
            throw failure(location, "cannot record the annotation", e);
        }
    }

    /** @return every annotation, oldest first (times to the microsecond) */
    public synchronized List<Annotation> annotations() {
        try {
            return Ledger.annotations(connection);
        } catch (SQLException e) {
            throw failure(location, "cannot list the annotations", e);
        }
    }

    /**
     * @param a an annotation
     * @return its id in the history: the SHA-256 of its content
     */
    public static String annotationId(Annotation a) {
        return Ledger.id(a);
    }

    /**
     * Records change points in one transaction; one already recorded (same series, run, algorithm and parameters)
     * is left as it was, never updated.
     *
     * @param cps the change points; their series and runs must be in the history
     */
    public synchronized void addChangePoints(List<ChangePoint> cps) {
        try {
            Ledger.addChangePoints(connection, cps);
        } catch (SQLException e) {
            throw failure(location, "cannot record the change points", e);
        }
    }

    /** @return every change point, by series id, then by the start of its run, algorithm and parameters */
    public synchronized List<ChangePoint> changePoints() {
        try {
            return Ledger.changePoints(connection);
        } catch (SQLException e) {
            throw failure(location, "cannot list the change points", e);
        }
    }

    /**
     * Records an alert; an alert of the same series, run and kind already recorded stays as it was.
     *
     * @param a the alert
     */
    public synchronized void addAlert(Alert a) {
        try {
            Ledger.addAlert(connection, a);
        } catch (SQLException e) {
            throw failure(location, "cannot record the alert", e);
        }
    }

    /** @return every alert, oldest first, then by series, run and kind */
    public synchronized List<Alert> alerts() {
        try {
            return Ledger.alerts(connection);
        } catch (SQLException e) {
            throw failure(location, "cannot list the alerts", e);
        }
    }

    /** Closes the connection. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(location, "cannot close", e);
        }
    }

    private void query(String sql, Object key, NightLoader.Rows rows) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (key != null) {
                Sql.bind(ps, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(location, "cannot read", e);
        }
    }

    private static HistoryDatabaseException failure(HistoryLocation where, String what, SQLException e) {
        return new HistoryDatabaseException("history " + where.shown() + ": " + what + ": " + oneLine(e.getMessage()),
                e);
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ");
    }
}
