package dev.vbench.bench.cli;

import dev.vbench.bench.run.LabHome;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --history URL}: where the history of runs is kept. A JDBC URL ({@code jdbc:sqlite:FILE},
 * {@code jdbc:postgresql://host/db?...}) or a file path (an SQLite file); default {@code VBENCH_HOME/history.db}.
 */
final class HistoryOption {
    /** The default file name under {@code VBENCH_HOME}. */
    static final String DEFAULT_FILE = "history.db";

    @Option(names = "--history", paramLabel = "URL",
            description = {"The history: an SQLite file, or a JDBC URL (jdbc:sqlite:FILE, jdbc:postgresql://...)",
                    "(default: $VBENCH_HOME/history.db)."})
    private String location;

    /** @return the location given, or the default file under {@code VBENCH_HOME} */
    String location() {
        if (location != null) {
            return location;
        }
        Path home = LabHome.fromEnvironment().root();
        if (!Files.isDirectory(home)) {
            throw new ResultsInputException("VBENCH_HOME " + home + " does not exist; run scripts/lab up once, or"
                    + " give --history FILE or a JDBC URL");
        }
        return home.resolve(DEFAULT_FILE).toString();
    }

    /** @return whether --history was given */
    boolean given() {
        return location != null;
    }

    /** @return the store at {@link #location()}, migrated to the current schema */
    HistoryStore open() {
        return HistoryStore.open(location());
    }
}
