package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    private static final String HEADER = "variant,workload,metric,unit,rep,value\n";
    /** The header of a file vbench creates: the boot column after the six fixed ones. */
    private static final String WRITTEN = "variant,workload,metric,unit,rep,value,boot\n";
    /** fio-randread.json as samples; the numbers are fio's, as written in that file. */
    private static final String RANDREAD_REP1 = """
            virtio-wb,randread-4k,read_iops,IO/s,1,37383.616384
            virtio-wb,randread-4k,read_bw,B/s,1,153123292
            virtio-wb,randread-4k,read_clat_mean,ns,1,98851.614334
            virtio-wb,randread-4k,read_clat_p50,ns,1,77312
            virtio-wb,randread-4k,read_clat_p99,ns,1,395264
            virtio-wb,randread-4k,read_clat_p999,ns,1,2572288
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ImportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path captured(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/captured/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private String[] args(String tool, String variant, String workload, Path csv, String... files) throws IOException {
        List<String> args = new ArrayList<>(List.of(tool, "--variant", variant, "--workload", workload, "--out",
                csv.toString()));
        for (String file : files) {
            args.add(captured(file).toString());
        }
        return args.toArray(String[]::new);
    }

    @Test
    void createsTheCsvWithHeaderAndRepOne() throws Exception {
        Path csv = dir.resolve("samples.csv");
        assertThat(run(args("fio", "virtio-wb", "randread-4k", csv, "fio-randread.json"))).isZero();
        assertThat(Files.readString(csv)).isEqualTo(WRITTEN + bootOne(RANDREAD_REP1));
        assertThat(out.toString()).isEqualTo("appended 6 samples of 1 fio run (rep 1) for variant virtio-wb, "
                + "workload randread-4k to " + csv + "\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void appendsAfterTheHighestRepOfTheSameVariantAndWorkload() throws Exception {
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, HEADER + RANDREAD_REP1 + "ide-wt,randread-4k,read_iops,IO/s,7,1165\n"
                + "virtio-wb,randwrite-4k,write_iops,IO/s,9,5181\n");
        assertThat(run(args("fio", "virtio-wb", "randread-4k", csv, "fio-randread.json",
                "fio-randread-2jobs.json"))).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 6 + 2 + 12);
        assertThat(lines.subList(9, 15))
                .allMatch(l -> l.startsWith("virtio-wb,randread-4k,read_") && l.contains(",2,"));
        assertThat(lines.subList(15, 21)).allMatch(l -> l.contains(",3,"));
        assertThat(lines.get(15)).isEqualTo("virtio-wb,randread-4k,read_iops,IO/s,3," + (28583.416583 + 28469.53047));
        assertThat(out.toString()).contains("12 samples of 2 fio runs (rep 2..3)");
    }

    @Test
    void importsIperf3AndTakesAnExplicitRep() throws Exception {
        Path csv = dir.resolve("samples.csv");
        assertThat(run(args("iperf3", "virtio-net", "udp-100m", csv, "iperf3-udp.json"))).isZero();
        assertThat(run(withRep(args("iperf3", "virtio-net", "udp-100m", csv, "iperf3-udp-reverse.json"), 5)))
                .isZero();
        // iperf3 wrote cpu_remote as 0.32478697413300173; the shortest text of that double is one digit shorter
        assertThat(Files.readString(csv)).isEqualTo(WRITTEN + bootOne("""
                virtio-net,udp-100m,throughput,bit/s,1,100104872.23856665
                virtio-net,udp-100m,jitter,ms,1,0.016947431249727633
                virtio-net,udp-100m,lost,%,1,0
                virtio-net,udp-100m,cpu_local,%,1,3.8798950620603927
                virtio-net,udp-100m,cpu_remote,%,1,0.3247869741330017
                virtio-net,udp-100m,throughput,bit/s,5,100125791.39553578
                virtio-net,udp-100m,jitter,ms,5,0.030180581266697638
                virtio-net,udp-100m,lost,%,5,0
                virtio-net,udp-100m,cpu_local,%,5,0.42062225767850014
                virtio-net,udp-100m,cpu_remote,%,5,3.5424644908869354
                """));
    }

    /** @return the rows with the boot column of boot 1 added */
    private static String bootOne(String rows) {
        return rows.replace("\n", ",1\n");
    }

    private static String[] withRep(String[] args, int rep) {
        List<String> list = new ArrayList<>(List.of(args));
        list.add(1, "--rep");
        list.add(2, Integer.toString(rep));
        return list.toArray(String[]::new);
    }

    @Test
    void anInvalidRunAmongValidOnesAppendsNothing() throws Exception {
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, HEADER + RANDREAD_REP1);
        int status = run(args("fio", "virtio-wb", "randread-4k", csv, "fio-randread.json",
                "fio-error-missing-file.txt"));
        assertThat(status).isEqualTo(ExitCode.INVALID_MEASUREMENT);
        assertThat(err.toString()).startsWith("vbench: " + dir.resolve("fio-error-missing-file.txt")
                + ": invalid measurement: fio job 'missing' failed with error 2: ").contains("No such file")
                .hasLineCount(1);
        assertThat(Files.readString(csv)).isEqualTo(HEADER + RANDREAD_REP1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void iperfsErrorReportIsAnInvalidMeasurementAndCreatesNoFile() throws Exception {
        Path csv = dir.resolve("samples.csv");
        assertThat(run(args("iperf3", "e1000", "tcp", csv, "iperf3-connect-refused.json")))
                .isEqualTo(ExitCode.INVALID_MEASUREMENT);
        assertThat(err.toString()).contains("iperf3 failed: unable to connect to server: Connection refused");
        assertThat(csv).doesNotExist();
    }

    @Test
    void numbersOutOfRangeInAToolReportAreBadInputNotACrash() throws Exception {
        Path csv = dir.resolve("samples.csv");
        String report = Files.readString(captured("fio-randread.json"));
        assertThat(report).contains("\"iops\" : 37383.616384");
        for (String bad : List.of("1e400", "-37383.6")) {
            Path file = Files.writeString(dir.resolve("fio-" + bad + ".json"),
                    report.replace("\"iops\" : 37383.616384", "\"iops\" : " + bad));
            err.getBuffer().setLength(0);
            assertThat(run("fio", "--variant", "v", "--workload", "w", "--out", csv.toString(), file.toString()))
                    .isEqualTo(ExitCode.CONFIG);
            assertThat(err.toString()).startsWith("vbench: " + file + ": not a fio JSON report: \"iops\" is ")
                    .contains("(expected a finite number >= 0)").doesNotContain("Exception");
            assertThat(err.toString().lines()).hasSize(1);
        }
        String iperf = Files.readString(captured("iperf3-tcp.json"));
        int sumSent = iperf.indexOf("\"sum_sent\"");
        Path negative = Files.writeString(dir.resolve("iperf-negative.json"), iperf.substring(0, sumSent)
                + iperf.substring(sumSent).replaceFirst("\"retransmits\":\\s*7", "\"retransmits\": -4"));
        assertThat(Files.readString(negative)).isNotEqualTo(iperf);
        err.getBuffer().setLength(0);
        assertThat(run("iperf3", "--variant", "v", "--workload", "w", "--out", csv.toString(), negative.toString()))
                .isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("end.sum_sent.retransmits is -4.0 (expected a finite number >= 0)");
        assertThat(csv).doesNotExist();
    }

    @Test
    void aFileOfTheWrongToolOrNoFileAtAllIsBadInput() throws Exception {
        Path csv = dir.resolve("samples.csv");
        assertThat(run(args("fio", "virtio-wb", "randread-4k", csv, "iperf3-tcp.json"))).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("iperf3-tcp.json: not a fio JSON report");
        err.getBuffer().setLength(0);
        assertThat(run("fio", "--variant", "v", "--workload", "w", "--out", csv.toString(),
                dir.resolve("missing.json").toString())).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).isEqualTo("vbench: " + dir.resolve("missing.json") + ": no such file\n");
        assertThat(csv).doesNotExist();
    }

    @Test
    void refusesAnExplicitRepThatIsAlreadyThere() throws Exception {
        Path csv = dir.resolve("samples.csv");
        Files.writeString(csv, HEADER + RANDREAD_REP1);
        assertThat(run(withRep(args("fio", "virtio-wb", "randread-4k", csv, "fio-randread.json"), 1)))
                .isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("already has rep 1 of variant virtio-wb, workload randread-4k");
        assertThat(Files.readString(csv)).isEqualTo(HEADER + RANDREAD_REP1);
    }

    @Test
    void refusesBadNamesToolsAndCsvFiles() throws Exception {
        Path csv = dir.resolve("samples.csv");
        assertThat(run(args("fio", "Virtio WB", "randread-4k", csv, "fio-randread.json"))).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("variant name 'Virtio WB' must match");
        assertThat(run(args("fio", "virtio", "../etc", csv, "fio-randread.json"))).isEqualTo(ExitCode.CONFIG);
        assertThat(run(args("sysbench", "virtio", "w", csv, "fio-randread.json"))).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("unknown tool 'sysbench' (valid: fio, iperf3)");
        assertThat(run("fio", "--variant", "v", captured("fio-randread.json").toString())).isEqualTo(ExitCode.CONFIG);

        Path notSamples = Files.writeString(dir.resolve("other.csv"), "name,value\nx,1\n");
        assertThat(run(args("fio", "virtio", "w", notSamples, "fio-randread.json"))).isEqualTo(ExitCode.CONFIG);
        assertThat(Files.readString(notSamples)).isEqualTo("name,value\nx,1\n");
        assertThat(csv).doesNotExist();
    }

    @Test
    void anUnwritableCsvIsAnOutputProblem() throws Exception {
        Path csv = dir.resolve("no-such-dir").resolve("samples.csv");
        assertThat(run(args("fio", "virtio", "w", csv, "fio-randread.json"))).isEqualTo(ExitCode.OUTPUT);
        assertThat(err.toString()).contains("cannot write").contains("no such file or directory");
    }

    @Test
    void numbersDoNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path csv = dir.resolve("samples.csv");
            assertThat(run(args("fio", "virtio-wb", "randread-4k", csv, "fio-randread.json"))).isZero();
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(WRITTEN + bootOne(RANDREAD_REP1));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
