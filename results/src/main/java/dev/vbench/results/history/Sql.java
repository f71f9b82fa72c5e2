package dev.vbench.results.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small JDBC helpers shared by the store's statements: times as microseconds, NaN as NULL, positional binding. */
final class Sql {
    private Sql() {
    }

    /** @return a run's number in the big tables: the first 64 bits of the SHA-256 of its id, signed */
    static long runKey(String runId) {
        return Long.parseUnsignedLong(SeriesKey.sha256Hex(runId).substring(0, 16), 16);
    }

    /** @return a series' number in the big tables: its id ({@link SeriesKey#id()}, 64 bits in hex), signed */
    static long seriesKey(String seriesId) {
        return Long.parseUnsignedLong(seriesId, 16);
    }

    /** @return the instant as microseconds since the epoch (finer digits dropped) */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** @return the instant of a number of microseconds since the epoch */
    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** @return the instant to the microsecond, as the history keeps it */
    static Instant truncate(Instant t) {
        return t == null ? null : instant(micros(t));
    }

    /**
     * Binds the arguments in order: String, Integer, Long, Double (NaN as NULL), Instant (as micros), a typed
     * {@link Null}; a plain null is bound as a NULL text.
     */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                ps.setNull(at, Types.VARCHAR);
            } else if (a instanceof String s) {
                ps.setString(at, s);
            } else if (a instanceof Integer n) {
                ps.setInt(at, n);
            } else if (a instanceof Long n) {
                ps.setLong(at, n);
            } else if (a instanceof Double d) {
                if (d.isNaN()) {
                    ps.setNull(at, Types.DOUBLE);
                } else {
                    ps.setDouble(at, d);
                }
            } else if (a instanceof Instant t) {
                ps.setLong(at, micros(t));
            } else if (a instanceof Null n) {
                ps.setNull(at, n.sqlType());
            } else {
                throw new IllegalArgumentException("cannot bind a " + a.getClass().getName());
            }
        }
    }

    /** A typed NULL argument: PostgreSQL wants to know a NULL's type. */
    record Null(int sqlType) {
    }

    /** @return a nullable double as a bindable argument */
    static Object nullable(Double d) {
        return d == null ? new Null(Types.DOUBLE) : d;
    }

    /** @return a nullable instant as a bindable argument (microseconds) */
    static Object nullable(Instant t) {
        return t == null ? new Null(Types.BIGINT) : t;
    }

    /** Executes one statement with its arguments; returns the update count. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** @return the column's double, NaN for NULL */
    static double getDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** @return the column's double, null for NULL */
    static Double getNullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** @return the column's instant, null for NULL */
    static Instant getInstant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : instant(v);
    }

    /** @return whether the failure is a lock conflict worth another try (deadlock, serialization, SQLite busy) */
    static boolean transientConflict(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage());
        return state.equals("40001") || state.equals("40P01") || message.contains("SQLITE_BUSY")
                || message.contains("SQLITE_LOCKED");
    }
}
