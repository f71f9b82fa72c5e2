package dev.vbench.bench.cli;

import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.workload.FioParser;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.bench.workload.Iperf3Parser;
import dev.vbench.bench.workload.Metric;
import dev.vbench.bench.workload.UnparsableOutputException;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.SampleCsvException;
import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vbench import fio|iperf3 --variant V --workload W [--rep N] FILE... --out samples.csv}: turns tool
 * output captured elsewhere (by hand, by another harness) into samples, appended to a samples CSV in the format of
 * {@link SampleCsv} (header {@code variant,workload,metric,unit,rep,value}, created when the file is missing).
 *
 * <p>Every FILE is read and validated before anything is written: one bad file, and nothing is appended. A FILE
 * is read through a bounded stream, at most {@link #MAX_FILE_BYTES} (the tool output vbench keeps from a guest;
 * a pipe or device such as {@code /dev/zero} included): a larger one is not a tool report (exit 2). Each
 * FILE is one repetition; the first gets {@code --rep} or, by default, one more than the highest rep already in
 * the CSV for this variant and workload (1 for a new pair), the next ones the following numbers. A rep that is
 * already there is refused rather than mixed in.
 *
 * <p>Exit statuses: {@link ExitCode#OK}; {@link ExitCode#CONFIG} for bad arguments, a FILE that cannot be read or
 * is not the tool's JSON at all (wrong file), or a CSV that is not a samples file or already has the rep;
 * {@link ExitCode#INVALID_MEASUREMENT} when a FILE is the tool's report of a failed or empty run (fio job error,
 * iperf3 {@code error}, nothing moved); {@link ExitCode#OUTPUT} when the CSV cannot be read or written. Each
 * problem is one line on standard error naming the file; with several bad FILEs each gets its line and the exit
 * status is the first one's.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Append the metrics of fio or iperf3 JSON output files to a samples CSV.")
public final class ImportCommand implements Callable<Integer> {
    private static final int MAX_REP = 999_999_999;
    /** The largest FILE read: as much as vbench keeps of a tool's output in a guest, 64 MiB. */
    static final int MAX_FILE_BYTES = GuestShell.MAX_STDOUT_BYTES;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOOL", description = "The tool that wrote the files: fio or iperf3.")
    private String tool;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "Output of one run each: fio --output-format=json, iperf3 -J (client side).")
    private List<Path> files;

    @Option(names = "--variant", required = true, paramLabel = "V", description = "Variant name of the samples.")
    private String variant;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "Workload name of the samples.")
    private String workload;

    @Option(names = "--rep", paramLabel = "N", description = "Repetition number of the first FILE (default: one "
            + "more than the highest for V and W in the CSV, 1 when there is none).")
    private Integer rep;

    @Option(names = "--out", required = true, paramLabel = "CSV",
            description = "Samples CSV to append to; created with a header when missing.")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return importFiles(err);
        } finally {
            err.flush();
        }
    }

    private int importFiles(PrintWriter err) {
        if (!tool.equals("fio") && !tool.equals("iperf3")) {
            return fail(err, ExitCode.CONFIG, "unknown tool '" + tool + "' (valid: fio, iperf3)");
        }
        for (String[] name : new String[][] {{"variant", variant}, {"workload", workload}}) {
            if (!Variant.NAME.matcher(name[1]).matches()) {
                return fail(err, ExitCode.CONFIG, name[0] + " name '" + name[1] + "' must match "
                        + Variant.NAME.pattern() + " (lower-case letters, digits, '.', '_', '-')");
            }
        }
        if (Files.isSymbolicLink(out)) {
            return fail(err, ExitCode.CONFIG, "--out " + out + " is a symbolic link; vbench does not write through "
                    + "links: give the samples file itself");
        }
        if (rep != null && (rep < 0 || rep > MAX_REP)) {
            return fail(err, ExitCode.CONFIG, "--rep " + rep + " is out of range 0.." + MAX_REP);
        }

        List<List<Metric>> runs = new ArrayList<>();
        int status = ExitCode.OK;
        for (Path file : files) {
            try {
                byte[] bytes = readAtMost(file, MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    status = firstFailure(status, fail(err, ExitCode.CONFIG, file + ": larger than "
                            + (MAX_FILE_BYTES >> 20) + " MiB, more than any " + tool + " report: not " + tool
                            + " JSON output; give the file " + tool + " wrote"));
                    continue;
                }
                runs.add(parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString()));
            } catch (NoSuchFileException e) {
                status = firstFailure(status, fail(err, ExitCode.CONFIG, file + ": no such file"));
            } catch (CharacterCodingException e) {
                status = firstFailure(status, fail(err, ExitCode.CONFIG, file + ": not UTF-8 text, not " + tool
                        + " JSON output"));
            } catch (IOException e) {
                status = firstFailure(status, fail(err, ExitCode.CONFIG, file + ": cannot read: "
                        + OutputFiles.reason(e)));
            } catch (UnparsableOutputException e) {
                status = firstFailure(status, fail(err, ExitCode.CONFIG, file + ": " + e.getMessage()));
            } catch (InvalidMeasurementException e) {
                status = firstFailure(status, fail(err, ExitCode.INVALID_MEASUREMENT, file
                        + ": invalid measurement: " + e.getMessage()));
            }
        }
        if (status != ExitCode.OK) {
            return status;
        }

        List<Sample> existing;
        try {
            existing = Files.exists(out) && Files.size(out) > 0 ? SampleCsv.read(out) : List.of();
        } catch (SampleCsvException e) {
            return fail(err, ExitCode.CONFIG, e.getMessage() + " (--out must be a samples CSV)");
        } catch (IOException e) {
            return fail(err, ExitCode.OUTPUT, out + ": cannot read: " + OutputFiles.reason(e));
        }
        int highest = existing.stream().filter(s -> s.variant().equals(variant) && s.workload().equals(workload))
                .mapToInt(Sample::rep).max().orElse(0);
        int first = rep != null ? rep : highest + 1;
        int last = first + runs.size() - 1;
        if (last > MAX_REP) {
            return fail(err, ExitCode.CONFIG, "rep " + last + " would be out of range 0.." + MAX_REP);
        }
        for (Sample sample : existing) {
            if (sample.variant().equals(variant) && sample.workload().equals(workload) && sample.rep() >= first
                    && sample.rep() <= last) {
                return fail(err, ExitCode.CONFIG, out + " already has rep " + sample.rep() + " of variant " + variant
                        + ", workload " + workload + "; leave out --rep to append after the highest (" + highest
                        + ")");
            }
        }

        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Metric metric : runs.get(i)) {
                samples.add(new Sample(variant, workload, metric.name(), metric.unit(), first + i, metric.value()));
            }
        }
        try {
            SampleCsv.append(out, samples);
        } catch (SampleCsvException e) {
            return fail(err, ExitCode.CONFIG, e.getMessage());
        } catch (IOException e) {
            return fail(err, ExitCode.OUTPUT, out + ": cannot write: " + OutputFiles.reason(e));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("appended " + samples.size() + " samples of " + runs.size() + " " + tool + " run"
                + (runs.size() == 1 ? "" : "s") + " (rep " + (first == last ? first : first + ".." + last)
                + ") for variant " + variant + ", workload " + workload + " to " + out);
        stdout.flush();
        return ExitCode.OK;
    }

    /** At most {@code limit} bytes of {@code file}: never more is read, whatever the file is. */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    private List<Metric> parse(String text) {
        return tool.equals("fio") ? FioParser.parse(text).metrics() : Iperf3Parser.parse(text).metrics();
    }

    private static int firstFailure(int status, int failure) {
        return status == ExitCode.OK ? failure : status;
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println("vbench: " + message.replaceAll("\\R", " | "));
        return code;
    }
}
