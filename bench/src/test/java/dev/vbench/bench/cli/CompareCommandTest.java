package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.compare.RunSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vbench compare A B --out DIR} on run directories laid out as {@code vbench run} writes them (the golden
 * run.json with its run id and QEMU version replaced): exit statuses, what is printed, what is written, and every
 * bad input as one line with exit 2 (or 6 for an output that cannot be written) and nothing written.
 */
class CompareCommandTest {
    private static final Path RUN_JSON = Path.of("src/test/resources/golden/run.json");

    @TempDir
    Path tmp;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @Test
    void aSlowerRunDiffersExitsThirteenAndWritesEverything() throws IOException {
        Path a = run("r1", "7.2.0", 1.0);
        Path b = run("r2", "8.0.0", 0.8);
        Path out = tmp.resolve("out");
        assertThat(compare(a.toString(), b.toString(), "--out", out.toString())).isEqualTo(ExitCode.COMPARE_DIFFERS);
        assertThat(stdout.toString().lines()).containsExactly(
                "NO_SIGNIFICANT_DIFFERENCE  ide/randread-4k/read_iops  gain 1x [0.985, 1.01] at 95%",
                "WORSE                      virtio/randread-4k/read_iops  gain 0.8x [0.786, 0.814] at 97.5%");
        assertThat(stderr.toString().lines()).containsExactly(
                "environment changed from A to B: libvirt_version: 7.2.0 -> 8.0.0",
                "compared 3 cells of run r2 (B) with run r1 (A): 0 better, 1 worse, 1 no significant difference, 1 "
                        + "not tested; 0 only in A, 0 only in B; wrote " + out.resolve("report.html"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("format").asText()).isEqualTo("vbench-compare");
        assertThat(summary.path("format_version").asInt()).isEqualTo(1);
        assertThat(summary.path("run_a").path("label").asText()).isEqualTo("r1");
        assertThat(summary.path("differs").asBoolean()).isTrue();
        assertThat(out.resolve("report.html")).content().contains("<title>vbench compare: r2 against r1</title>");
        assertThat(out.resolve("charts/gain.png")).isNotEmptyFile();
        assertThat(out.resolve("charts/gain.svg")).isNotEmptyFile();
    }

    @Test
    void twoRunsOfTheSameMachineStateExitZero() throws IOException {
        Path a = run("r1", "7.2.0", 1.0);
        Path b = run("r2", "7.2.0", 1.0);
        assertThat(Cli.vbench("compare", a.toString(), b.toString(), "--out", tmp.resolve("out").toString()).exit())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void theLookupIsASeamRunIdsCanBeResolvedElsewhere() {
        List<Sample> samples = samples(1.0);
        Map<String, RunSamples> history = Map.of("20261128-0400", new RunSamples("20261128-0400", samples, Map.of()),
                "20261129-0400", new RunSamples("20261129-0400", samples, Map.of()));
        CommandLine cmd = new CommandLine(new CompareCommand(ref -> {
            RunSamples run = history.get(ref);
            if (run == null) {
                throw new ResultsInputException("no run " + ref + " in the history");
            }
            return run;
        }));
        cmd.setOut(new PrintWriter(stdout, true)).setErr(new PrintWriter(stderr, true));
        assertThat(cmd.execute("20261128-0400", "20261129-0400", "--out", tmp.resolve("h").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(cmd.execute("20261128-0400", "nope", "--out", tmp.resolve("h2").toString()))
                .isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).endsWith("vbench: no run nope in the history" + System.lineSeparator());
    }

    @Test
    void badRunsAreOneLineExitTwoAndWriteNothing() throws IOException {
        Path a = run("r1", "7.2.0", 1.0);
        Path out = tmp.resolve("out");
        Path missing = tmp.resolve("missing");
        assertConfigError(a, missing, "vbench: run " + missing + " does not exist; give the directory of a run (it "
                + "holds results.csv and run.json)");
        Path noCsv = Files.createDirectories(tmp.resolve("no-csv"));
        assertConfigError(a, noCsv, "vbench: " + noCsv + " has no results.csv; give the directory of a run that "
                + "ended (an interrupted run writes it too)");
        Path noJson = run("r3", "7.2.0", 1.0);
        Files.delete(noJson.resolve("run.json"));
        assertConfigError(noJson, a, "vbench: " + noJson + " has no run.json; give the directory of a run that "
                + "ended (an interrupted run writes it too)");
        Path broken = run("r4", "7.2.0", 1.0);
        Files.writeString(broken.resolve("run.json"), "{\"run_id\": ");
        assertThat(compare(a.toString(), broken.toString(), "--out", out.toString())).isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).startsWith("vbench: " + broken.resolve("run.json") + ": not valid JSON (")
                .endsWith("); give the directory of a run vbench wrote" + System.lineSeparator());
        Path noId = run("r5", "7.2.0", 1.0);
        Files.writeString(noId.resolve("run.json"), "{\"format\": \"vbench-run\"}");
        assertConfigError(a, noId, "vbench: " + noId.resolve("run.json") + " is not a vbench run record (format "
                + "vbench-run with a run_id); give the directory of a run vbench wrote");
        Path other = run("r6", "7.2.0", 1.0);
        Files.writeString(other.resolve("results.csv"), "variant,workload,metric,unit,rep,value,boot\n"
                + "e1000,tcp,throughput,bit/s,1,9e8,1\n");
        assertConfigError(a, other, "vbench: runs r1 and r6 have no (variant, workload, metric) in common (r1 has "
                + "ide/randread-4k, virtio/randread-4k against r6 has e1000/tcp); compare two runs of one plan");
        Path badCsv = run("r7", "7.2.0", 1.0);
        Files.writeString(badCsv.resolve("results.csv"), "variant,workload,metric,unit,rep,value,boot\n"
                + "ide,randread-4k,read_iops,IO/s,1,fast,1\n");
        assertConfigError(a, badCsv, "vbench: " + badCsv.resolve("results.csv") + ":2: value: not a finite decimal "
                + "number: 'fast'");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutHoldingSomethingElseIsRefusedAndLeftAsItWas() throws IOException {
        Path a = run("r1", "7.2.0", 1.0);
        Path out = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(out.resolve("notes.txt"), "keep me\n");
        assertConfigError(a, a, "vbench: --out " + out + " is not empty; choose a new directory", out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        Path target = Files.createDirectories(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertConfigError(a, a, "vbench: --out " + link + " is a symbolic link; give the directory itself or a new "
                + "one", link);
        assertThat(target).isEmptyDirectory();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(compare(a.toString(), a.toString(), "--out", file.toString())).isEqualTo(ExitCode.OUTPUT);
        assertThat(stderr.toString()).startsWith("vbench: cannot write " + file + ": ");
        assertThat(stderr.toString().lines()).hasSize(1);
        assertThat(file).hasContent("x");
    }

    private void assertConfigError(Path a, Path b, String message) {
        assertConfigError(a, b, message, tmp.resolve("out"));
    }

    private void assertConfigError(Path a, Path b, String message, Path out) {
        assertThat(compare(a.toString(), b.toString(), "--out", out.toString())).isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).isEqualTo(message + System.lineSeparator());
    }

    /** A run directory: results.csv of {@link #samples}, run.json with this run id and libvirt version. */
    private Path run(String runId, String libvirt, double virtioFactor) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run-" + runId));
        StringBuilder csv = new StringBuilder("variant,workload,metric,unit,rep,value,boot\n");
        for (Sample s : samples(virtioFactor)) {
            csv.append(String.join(",", s.variant(), s.workload(), s.metric(), s.unit(), Integer.toString(s.rep()),
                    Double.toString(s.value()), Integer.toString(s.boot()))).append('\n');
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        Files.writeString(dir.resolve("run.json"), Files.readString(RUN_JSON)
                .replace("\"run_id\" : \"r1\"", "\"run_id\" : \"" + runId + "\"")
                .replace("\"libvirt_version\" : \"9.0.0\"", "\"libvirt_version\" : \"" + libvirt + "\""));
        return dir;
    }

    /**
     * ide and virtio, 4 boots x 2 repetitions of read IOPS around 1000 and 4000 (virtio's times {@code factor}),
     * the boots 1% apart; ide also has a p50 latency (described, not tested).
     */
    private static List<Sample> samples(double factor) {
        List<Sample> out = new ArrayList<>();
        double[] boot = {1.0, 1.01, 0.99, 1.005};
        for (int b = 0; b < boot.length; b++) {
            for (int rep = 1; rep <= 2; rep++) {
                double wobble = boot[b] * (rep == 1 ? 0.998 : 1.002);
                out.add(new Sample("ide", "randread-4k", "read_iops", "IO/s", rep, 1000 * wobble, b + 1));
                out.add(new Sample("ide", "randread-4k", "read_clat_p50", "ns", rep, 800_000 * wobble, b + 1));
                out.add(new Sample("virtio", "randread-4k", "read_iops", "IO/s", rep, 4000 * factor * wobble, b + 1));
            }
        }
        return out;
    }

    private int compare(String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        CommandLine cmd = new CommandLine(new CompareCommand());
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(stderr, true));
        return cmd.execute(args);
    }
}
