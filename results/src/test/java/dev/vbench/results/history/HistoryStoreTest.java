package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.ResultsInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history on SQLite: the shared behaviour, plus the file's own rules and two writers at once. */
class HistoryStoreTest extends HistoryStoreContract {
    @TempDir
    Path tmp;
    private int count;

    @Override
    String location() {
        return tmp.resolve("history-" + (++count) + ".db").toString();
    }

    @Test
    void aNewFileIsReadableByItsOwnerOnlyAndWritesAheadToALog() throws Exception {
        Path file = tmp.resolve("new.db");
        try (HistoryStore store = HistoryStore.open(file.toString())) {
            store.ingest(HistoryRuns.run("r1", 0, 1));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        String url = "jdbc:sqlite:" + tmp.resolve("url.db");
        try (HistoryStore store = HistoryStore.open(url)) {
            store.ingest(HistoryRuns.run("r1", 0, 1));
        }
        try (HistoryStore store = HistoryStore.open(url)) {
            assertThat(store.runs(null, null)).hasSize(1);
        }
    }

    @Test
    void aLinkOrAMissingDirectoryIsRefused() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "");
        Path link = Files.createSymbolicLink(tmp.resolve("link.db"), target);
        assertThatThrownBy(() -> HistoryStore.open(link.toString())).isInstanceOf(ResultsInputException.class)
                .hasMessage("history " + link + ": is a symbolic link; give the database file itself");
        Path orphan = tmp.resolve("no-such-dir").resolve("history.db");
        assertThatThrownBy(() -> HistoryStore.open(orphan.toString())).isInstanceOf(ResultsInputException.class)
                .hasMessage("history " + orphan + ": its directory " + orphan.getParent()
                        + " does not exist; create it first");
        assertThatThrownBy(() -> HistoryStore.open(tmp.toString())).isInstanceOf(ResultsInputException.class)
                .hasMessage("history " + tmp + ": not a regular file; give a database file");
        assertThatThrownBy(() -> HistoryStore.open(" ")).isInstanceOf(ResultsInputException.class)
                .hasMessage("--history: empty; give a file path or a JDBC URL");
        assertThat(Files.readString(target)).isEmpty();
    }

    @Test
    void aFileThatIsNoDatabaseIsADatabaseFailureNamingIt() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.db"), "this is not an SQLite database, it is text\n".repeat(99));
        assertThatThrownBy(() -> HistoryStore.open(junk.toString())).isInstanceOf(HistoryDatabaseException.class)
                .hasMessageStartingWith("history jdbc:sqlite:" + junk + ": cannot open it or create its schema: ")
                .hasMessageContaining("not a database").message().doesNotContain("\n");
    }

    @Test
    void twoWritersIngestingAtOnceLoseNothing() throws Exception {
        String location = location();
        int perWriter = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                Callable<Integer> job = () -> {
                    start.await();
                    int added = 0;
                    try (HistoryStore store = HistoryStore.open(location)) {
                        for (int i = 0; i < perWriter; i++) {
                            int night = writer * perWriter + i;
                            added += store.ingest(HistoryRuns.run("w" + writer + "-" + i, night, night)).samples();
                        }
                    }
                    return added;
                };
                writers.add(pool.submit(job));
            }
            start.countDown();
            int samples = writers.get(0).get() + writers.get(1).get();
            assertThat(samples).isEqualTo(2 * perWriter * 24);
        } finally {
            pool.shutdownNow();
        }
        try (HistoryStore store = HistoryStore.open(location)) {
            assertThat(store.runs(null, null)).hasSize(2 * perWriter);
            List<SeriesHistory> histories = store.histories(null, null);
            assertThat(histories).hasSize(6).allSatisfy(h -> assertThat(h.nights()).hasSize(2 * perWriter));
            assertThat(histories.stream().mapToInt(h -> h.nights().stream().mapToInt(n -> n.values().length).sum())
                    .sum()).isEqualTo(2 * perWriter * 24);
        }
    }
}
