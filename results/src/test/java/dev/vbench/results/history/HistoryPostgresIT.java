package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history on a real PostgreSQL server: the same behaviour as on SQLite ({@link HistoryStoreContract}), two
 * stores ingesting at once, and the schema the one migration creates compared with SQLite's. scripts/test starts
 * the server (scripts/lib/postgres.sh) and passes its URL in {@code VBENCH_TEST_PG_URL}.
 */
class HistoryPostgresIT extends HistoryStoreContract {
    @TempDir
    Path tmp;

    private static String url() {
        String url = System.getenv("VBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("VBENCH_TEST_PG_URL is not set: run the integration tests through "
                    + "scripts/test, which starts PostgreSQL (scripts/lib/postgres.sh), or set it to "
                    + "jdbc:postgresql://127.0.0.1:PORT/DB?user=USER&password=PASSWORD of an empty database");
        }
        return url;
    }

    /** Empties the test database: a new public schema for every test. */
    @Override
    String location() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return url();
    }

    @Test
    void twoStoresIngestingTwentyRunsEachAtOnceLoseNothing() throws Exception {
        String location = location();
        int perStore = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int newSeries = 0;
        try {
            List<Future<Integer>> stores = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                Callable<Integer> job = () -> {
                    int added = 0;
                    try (HistoryStore store = HistoryStore.open(location)) {
                        start.await();
                        for (int i = 0; i < perStore; i++) {
                            // both stores write the same series (variants a, b) and the same definitions
                            List<String> variants = i % 5 == 4 ? List.of("a", "b", "w" + writer) : List.of("a", "b");
                            RunArchive run = HistoryRuns.run("s" + writer + "-" + i, i, "nightly",
                                    HistoryRuns.environment("lab1"), variants, writer * 100L + i);
                            added += store.ingest(run).newSeries();
                        }
                    }
                    return added;
                };
                stores.add(pool.submit(job));
            }
            start.countDown();
            for (Future<Integer> f : stores) {
                newSeries += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(newSeries).as("each series counted new by exactly one store").isEqualTo(12);
        try (HistoryStore store = HistoryStore.open(location)) {
            assertThat(store.runs(null, null)).hasSize(2 * perStore);
            List<SeriesHistory> histories = store.histories(null, null);
            assertThat(histories).hasSize(12);
            int samples = histories.stream().mapToInt(h -> h.nights().stream().mapToInt(n -> n.values().length).sum())
                    .sum();
            assertThat(samples).isEqualTo(2 * perStore * 24 + 2 * 4 * 12);
            for (RunInfo run : store.runs(null, null)) {
                int i = Integer.parseInt(run.runId().substring(run.runId().indexOf('-') + 1));
                assertThat(store.samples(run.runId())).hasSize(i % 5 == 4 ? 36 : 24);
            }
        }
    }

    @Test
    void aWrongPasswordIsADatabaseFailureThatDoesNotShowThePassword() {
        String wrong = url().replaceAll("password=[^&]*", "password=not-the-password");
        assertThatThrownBy(() -> HistoryStore.open(wrong)).isInstanceOf(HistoryDatabaseException.class)
                .hasMessageContaining("password=***").hasMessageContaining("password authentication failed")
                .message().doesNotContain("not-the-password").doesNotContain("\n");
    }

    @Test
    void theOneMigrationCreatesTheSameTablesAndColumnsOnBothDatabases() throws Exception {
        String postgres = location();
        String sqlite = "jdbc:sqlite:" + tmp.resolve("schema.db");
        HistoryStore.open(postgres).close();
        HistoryStore.open(sqlite).close();
        Map<String, String> pg;
        Map<String, String> lite;
        try (Connection c = DriverManager.getConnection(postgres)) {
            pg = schema(c.getMetaData(), "public");
        }
        try (Connection c = DriverManager.getConnection(sqlite)) {
            lite = schema(c.getMetaData(), null);
        }
        assertThat(pg.keySet()).contains("run.run_id", "sample.value", "change_point.p_value", "alert.message")
                .hasSizeGreaterThan(60);
        assertThat(pg).isEqualTo(lite);
    }

    /** @return table.column to "type nullable" and table to its primary key columns, for the vbench tables */
    private static Map<String, String> schema(DatabaseMetaData md, String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith("flyway_") && !table.startsWith("sqlite_")) {
                    tables.add(table);
                }
            }
        }
        for (String table : tables) {
            try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    out.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            type(rs.getString("TYPE_NAME")) + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable
                                    ? " null" : " not null"));
                }
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    key.add(rs.getInt("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            key.sort(null);
            out.put(table, "primary key " + key);
        }
        return out;
    }

    /** @return the portable type a database's type name stands for */
    private static String type(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> "text";
            case "int8", "bigint" -> "bigint";
            case "int4", "integer" -> "integer";
            case "float8", "double precision", "double" -> "double precision";
            default -> "unexpected " + name;
        };
    }
}
