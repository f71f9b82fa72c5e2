package dev.vbench.results.history;

import dev.vbench.results.ResultsInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the history says about its runs besides their measurements: annotations, change points and alerts. Every
 * row is inserted once ({@code ON CONFLICT DO NOTHING}) and never updated: a change point or an alert, once
 * recorded, stays as it was.
 */
final class Ledger {
    private Ledger() {
    }

    /** @return the annotation's id: the SHA-256 of its content, its time to the microsecond */
    static String id(Annotation a) {
        return SeriesKey.sha256Hex(a.seriesId() + "\n" + a.fromRun() + "\n" + a.kind().text() + "\n" + a.reason()
                + "\n" + Sql.micros(a.created()));
    }

    static void annotate(Connection c, Annotation a) throws SQLException {
        if (!exists(c, "SELECT 1 FROM run WHERE run_id = ?", a.fromRun())) {
            throw new ResultsInputException("annotation: run " + a.fromRun() + " is not in the history; give the id "
                    + "of an ingested run (vbench history runs lists them)");
        }
        if (!a.seriesId().equals("*") && !exists(c, "SELECT 1 FROM series WHERE series_id = ?", a.seriesId())) {
            throw new ResultsInputException("annotation: series " + a.seriesId() + " is not in the history; give a "
                    + "series id of the history, or * for every series of the run's host");
        }
        Sql.update(c, "INSERT INTO annotation (annotation_id, series_id, from_run, kind, reason, created_us) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id(a), a.seriesId(), a.fromRun(),
                a.kind().text(), a.reason(), a.created());
    }

    static List<Annotation> annotations(Connection c) throws SQLException {
        List<Annotation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT series_id, from_run, kind, reason, created_us FROM annotation");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Annotation(rs.getString(1), rs.getString(2), Annotation.Kind.of(rs.getString(3)),
                        rs.getString(4), Sql.instant(rs.getLong(5))));
            }
        }
        out.sort(Comparator.comparing(Annotation::created).thenComparing(Ledger::id));
        return out;
    }

    static void addChangePoints(Connection c, List<ChangePoint> cps) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_point (series_id, run_id, algorithm, "
                + "params, before_mean, after_mean, ratio, ratio_low, ratio_high, p_value) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ChangePoint cp : cps) {
                Sql.bind(ps, cp.seriesId(), cp.runId(), cp.algorithm(), cp.params(), cp.before(), cp.after(),
                        cp.ratio(), cp.low(), cp.high(), cp.pValue());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** @return every change point, by series id, then by the start of its run, algorithm and parameters */
    static List<ChangePoint> changePoints(Connection c) throws SQLException {
        record Row(ChangePoint cp, long started) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cp.series_id, cp.run_id, cp.before_mean, "
                + "cp.after_mean, cp.ratio, cp.ratio_low, cp.ratio_high, cp.p_value, cp.algorithm, cp.params, "
                + "r.started_us FROM change_point cp JOIN run r ON r.run_id = cp.run_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(new ChangePoint(rs.getString(1), rs.getString(2), Sql.getDouble(rs, 3),
                        Sql.getDouble(rs, 4), Sql.getDouble(rs, 5), Sql.getDouble(rs, 6), Sql.getDouble(rs, 7),
                        Sql.getDouble(rs, 8), rs.getString(9), rs.getString(10)), rs.getLong(11)));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.cp().seriesId()).thenComparingLong(Row::started)
                .thenComparing(r -> r.cp().runId()).thenComparing(r -> r.cp().algorithm())
                .thenComparing(r -> r.cp().params()));
        return rows.stream().map(Row::cp).toList();
    }

    static void addAlert(Connection c, Alert a) throws SQLException {
        Sql.update(c, "INSERT INTO alert (series_id, run_id, kind, ratio, ratio_low, ratio_high, p_value, raised_us, "
                + "message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.seriesId(), a.runId(),
                a.kind(), a.ratio(), a.low(), a.high(), a.pValue(), a.raised(), a.text());
    }

    /** @return every alert, oldest first, then by series, run and kind */
    static List<Alert> alerts(Connection c) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series_id, run_id, kind, ratio, ratio_low, ratio_high, "
                + "p_value, raised_us, message FROM alert"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Alert(rs.getString(1), rs.getString(2), rs.getString(3), Sql.getDouble(rs, 4),
                        Sql.getDouble(rs, 5), Sql.getDouble(rs, 6), Sql.getDouble(rs, 7), Sql.instant(rs.getLong(8)),
                        rs.getString(9)));
            }
        }
        out.sort(Comparator.comparing(Alert::raised).thenComparing(Alert::seriesId).thenComparing(Alert::runId)
                .thenComparing(Alert::kind));
        return out;
    }

    static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
