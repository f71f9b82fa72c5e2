package dev.vbench.bench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vbench history}: the database of every run, its trends and annotations. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The history of runs: ingest run directories, list runs, annotate series, trend report."},
        subcommands = {HistoryIngestCommand.class, HistoryRunsCommand.class, HistoryAnnotateCommand.class,
            HistoryReportCommand.class})
public final class HistoryCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a history command (ingest, runs, annotate,"
                + " report)");
    }
}
