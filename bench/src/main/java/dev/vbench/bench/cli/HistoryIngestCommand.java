package dev.vbench.bench.cli;

import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.IngestResult;
import dev.vbench.results.history.RunArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vbench history ingest DIR...}: puts run directories into the history. Every directory is read before
 * anything is stored, so one bad directory stores nothing; a run already in the history is left as it is.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Put run directories (run.json, results.csv, summary.json) into the history.",
                "Ingesting a run twice changes nothing. Exit status: 0 done, 2 bad run directory,",
                "9 the history database failed."})
public final class HistoryIngestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run directories.")
    private List<Path> dirs;

    @Override
    public Integer call() {
        List<RunArchive> runs = dirs.stream().map(RunArchive::read).toList();
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = history.open()) {
            for (RunArchive run : runs) {
                out.println(line(store.ingest(run)));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The console line for one ingested run. */
    static String line(IngestResult r) {
        return r.added()
                ? String.format(Locale.ROOT, "ingested %s: %d samples, %d new series", r.runId(), r.samples(),
                        r.newSeries())
                : "already in the history: " + r.runId() + " (nothing changed)";
    }
}
