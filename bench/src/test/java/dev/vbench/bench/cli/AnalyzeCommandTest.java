package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
    /** ide: about 1000 IOPS, virtio: about 4000 (4x), sata: about 1100 (1.1x), five repetitions each. */
    private static final String SAMPLES = """
            variant,workload,metric,unit,rep,value,host
            ide,randread-4k,read_iops,IO/s,1,1000,h
            ide,randread-4k,read_iops,IO/s,2,1020,h
            ide,randread-4k,read_iops,IO/s,3,980,h
            ide,randread-4k,read_iops,IO/s,4,1010,h
            ide,randread-4k,read_iops,IO/s,5,990,h
            virtio,randread-4k,read_iops,IO/s,1,4000,h
            virtio,randread-4k,read_iops,IO/s,2,4050,h
            virtio,randread-4k,read_iops,IO/s,3,3950,h
            virtio,randread-4k,read_iops,IO/s,4,4020,h
            virtio,randread-4k,read_iops,IO/s,5,3980,h
            sata,randread-4k,read_iops,IO/s,1,1100,h
            sata,randread-4k,read_iops,IO/s,2,1150,h
            sata,randread-4k,read_iops,IO/s,3,1050,h
            sata,randread-4k,read_iops,IO/s,4,1120,h
            sata,randread-4k,read_iops,IO/s,5,1080,h
            """;

    @TempDir
    Path tmp;

    private Path samples;
    private Path out;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeEach
    void writeSamples() throws IOException {
        samples = Files.writeString(tmp.resolve("results.csv"), SAMPLES);
        out = tmp.resolve("out");
    }

    @Test
    void allClaimsSupportedExitsZeroAndWritesEverything() throws IOException {
        Path claims = claims("virtio", 3);
        assertThat(run("--samples", samples.toString(), "--claims", claims.toString(), "--out", out.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(stdout.toString()).startsWith("SUPPORTED     c1  gain 4x [");
        assertThat(stderr.toString()).startsWith("analyzed 3 cells against baseline ide: 2 comparisons, 1 claims; wrote ");
        for (String file : new String[] {"summary.json", "report.html", "junit.xml", "charts/gain.png"}) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
    }

    @Test
    void refutedAndInconclusiveClaimsMapToTheirExitCodes() throws IOException {
        assertThat(run("--samples", samples.toString(), "--claims", claims("virtio", 5).toString(), "--out",
                out.toString())).isEqualTo(ExitCode.CLAIMS_REFUTED);
        assertThat(stdout.toString()).startsWith("REFUTED ");
        assertThat(run("--samples", samples.toString(), "--claims", claims("sata", 1.1).toString(), "--out",
                tmp.resolve("out2").toString())).isEqualTo(ExitCode.CLAIMS_INCONCLUSIVE);
        assertThat(AnalyzeCommand.exitCode(dev.vbench.results.AnalysisOutcome.ALL_SUPPORTED)).isEqualTo(ExitCode.OK);
    }

    @Test
    void baselineDefaultsToTheFirstVariantInTheFileAndCanBeChosen() throws IOException {
        assertThat(run("--samples", samples.toString(), "--out", out.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"baseline\": \"ide\"");
        Path second = tmp.resolve("out2");
        assertThat(run("--samples", samples.toString(), "--baseline", "sata", "--out", second.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(second.resolve("summary.json"))).contains("\"baseline\": \"sata\"");
    }

    @Test
    void looksReplaysASequentialRunAndOneLookIsTheFixedDesign() throws IOException {
        StringBuilder csv = new StringBuilder("variant,workload,metric,unit,rep,value,boot\n");
        double[] wobble = {0.99, 1.01, 1.005, 0.995, 1.0, 1.002};
        for (int boot = 1; boot <= 3; boot++) {
            for (int rep = 1; rep <= 2; rep++) {
                double w = wobble[(2 * boot + rep) % 6];
                csv.append("ide,randread-4k,read_iops,IO/s,").append(rep).append(',').append(1000 * w).append(',')
                        .append(boot).append('\n');
                csv.append("virtio,randread-4k,read_iops,IO/s,").append(rep).append(',')
                        .append(4000 * wobble[(2 * boot + rep + 3) % 6]).append(',').append(boot).append('\n');
            }
        }
        Files.writeString(samples, csv);
        assertThat(run("--samples", samples.toString(), "--claims", claims("virtio", 3).toString(), "--looks", "3",
                "--out", out.toString())).isEqualTo(ExitCode.OK);
        var design = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("design");
        assertThat(design.path("kind").asText()).isEqualTo("group-sequential");
        assertThat(design.path("max_looks").asInt()).isEqualTo(3);
        assertThat(design.path("looks_taken").asInt()).isEqualTo(3);
        assertThat(stdout.toString()).startsWith("SUPPORTED     c1  gain 4.01x [").contains("(look 2 of 3,");
        Path fixed = tmp.resolve("fixed");
        assertThat(run("--samples", samples.toString(), "--claims", claims("virtio", 3).toString(), "--out",
                fixed.toString())).isEqualTo(ExitCode.OK);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixed.resolve("summary.json").toFile()).path("design")
                .path("kind").asText()).isEqualTo("fixed");
        assertConfigError(new String[] {"--samples", samples.toString(), "--looks", "0", "--out",
                tmp.resolve("zero").toString()}, "vbench: --looks 0 is out of range (valid: 1..50, the plan's boots)");
    }

    @Test
    void aNonEmptyOutIsRefusedAndLeftAsItWas() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me\n");
        assertThat(run("--samples", samples.toString(), "--out", out.toString())).isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).contains("--out " + out + " is not empty; choose a new directory");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws IOException {
        Files.writeString(samples, SAMPLES + "ide,randread-4k,read_iops,IO/s,6,lots,h\n");
        assertThat(run("--samples", samples.toString(), "--out", out.toString())).isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).isEqualTo("vbench: " + samples + ":17: value: not a finite decimal number: 'lots'"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void otherBadInputs() throws IOException {
        assertConfigError(new String[] {"--samples", tmp.resolve("missing.csv").toString(), "--out", out.toString()},
                "vbench: cannot read the samples file " + tmp.resolve("missing.csv") + ": no such file or directory");
        assertConfigError(new String[] {"--samples", samples.toString(), "--baseline", "scsi", "--out", out.toString()},
                "vbench: baseline 'scsi' has no samples; choose one of ide, virtio, sata");
        Path badClaims = Files.writeString(tmp.resolve("claims.yaml"), "claims:\n  - {id: x, baseline: ide,"
                + " candidate: virtio, workload: randread, metric: read_iops, min_gain: big}\n");
        assertConfigError(new String[] {"--samples", samples.toString(), "--claims", badClaims.toString(), "--out",
                out.toString()}, "vbench: " + badClaims + ":2: claims[0].min_gain: expected a number, got the text 'big'");
        Path badUnit = Files.writeString(tmp.resolve("unit.csv"), "variant,workload,metric,unit,rep,value\na,w,score,pts,1,3\n");
        assertConfigError(new String[] {"--samples", badUnit.toString(), "--out", out.toString()},
                "vbench: metric score: unknown unit 'pts'; use a time unit (ns, us, ms, s: lower is better), a rate "
                        + "ending in /s (IO/s, B/s, bit/s: higher is better), % or count (lower is better)");
        Path headerOnly = Files.writeString(tmp.resolve("empty.csv"), "variant,workload,metric,unit,rep,value\n");
        assertConfigError(new String[] {"--samples", headerOnly.toString(), "--out", out.toString()},
                "vbench: " + headerOnly + ": no samples after the header; measure something first");
        assertThat(out).doesNotExist();
    }

    @Test
    void unwritableOutputExitsSix() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(run("--samples", samples.toString(), "--out", file.toString())).isEqualTo(ExitCode.OUTPUT);
        assertThat(stderr.toString()).startsWith("vbench: cannot write " + file + ": ");
        assertThat(stderr.toString().lines()).hasSize(1);
    }

    private void assertConfigError(String[] args, String message) {
        stderr.getBuffer().setLength(0);
        assertThat(run(args)).isEqualTo(ExitCode.CONFIG);
        assertThat(stderr.toString()).isEqualTo(message + System.lineSeparator());
    }

    private Path claims(String candidate, double minGain) throws IOException {
        return Files.writeString(tmp.resolve("claims-" + candidate + "-" + minGain + ".yaml"), """
                claims:
                  - id: c1
                    text: %s gives at least %sx the IOPS of ide
                    baseline: ide
                    candidate: %s
                    workload: randread-4k
                    metric: read_iops
                    min_gain: %s
                """.formatted(candidate, minGain, candidate, minGain));
    }

    private int run(String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        CommandLine cmd = new CommandLine(new AnalyzeCommand());
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(stderr, true));
        return cmd.execute(args);
    }
}
