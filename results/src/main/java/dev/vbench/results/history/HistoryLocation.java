package dev.vbench.results.history;

import dev.vbench.results.ResultsInputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a history lives: a JDBC URL and the connection properties that go with it. A plain path is an SQLite file;
 * every SQLite connection waits up to {@link #BUSY_TIMEOUT_MS} for another writer (busy_timeout), writes through a
 * write-ahead log (WAL, so readers never block the writer), takes the write lock when its transaction begins
 * (BEGIN IMMEDIATE, so two writers queue instead of failing on a lock upgrade) and checks foreign keys.
 */
final class HistoryLocation {
    /** How long an SQLite connection waits for another process' write transaction. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private final String url;
    private final Properties properties = new Properties();
    private final boolean sqlite;

    private HistoryLocation(String url) {
        this.url = url;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        if (sqlite) {
            properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("transaction_mode", "IMMEDIATE");
            properties.setProperty("foreign_keys", "true");
        } else {
            properties.setProperty("ApplicationName", "vbench");
        }
    }

    /**
     * @param location a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}) or the path of an SQLite
     *                 file, created (mode 0600) when missing
     * @return the location
     * @throws ResultsInputException for a path that is a symbolic link, not a file, or whose directory is missing
     */
    static HistoryLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new ResultsInputException("--history: empty; give a file path or a JDBC URL");
        }
        if (location.startsWith("jdbc:")) {
            return new HistoryLocation(location);
        }
        return new HistoryLocation("jdbc:sqlite:" + sqliteFile(location));
    }

    private static Path sqliteFile(String location) {
        Path file;
        try {
            file = Path.of(location).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ResultsInputException("history " + location + ": not a valid path (" + e.getReason() + ")");
        }
        if (location.contains("?")) {
            throw new ResultsInputException("history " + location + ": a file name with '?' would be read as "
                    + "connection options; rename the file");
        }
        if (Files.isSymbolicLink(file)) {
            throw new ResultsInputException("history " + file + ": is a symbolic link; give the database file "
                    + "itself");
        }
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw new ResultsInputException("history " + file + ": its directory " + file.getParent()
                    + " does not exist; create it first");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ResultsInputException("history " + file + ": not a regular file; give a database file");
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an existing history: opened as it is
        } catch (IOException e) {
            throw new ResultsInputException("history " + file + ": cannot create the file: " + e.getMessage());
        }
        return file;
    }

    /** @return whether this is an SQLite database */
    boolean sqlite() {
        return sqlite;
    }

    /** @return the URL with any password replaced by {@code ***}, for messages */
    String shown() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * @return a new connection in auto-commit mode
     * @throws SQLException when the database cannot be reached
     */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }
}
