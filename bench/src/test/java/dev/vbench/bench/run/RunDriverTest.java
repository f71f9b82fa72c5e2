package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.results.RunStatus;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's sequence without a lab: the smoke plan on libvirt's daemonless {@code test:///default} driver with
 * a fake lab home, whose image cannot boot. Every variant fails while booting, the run ends partial, the others'
 * failures do not stop the run, and the journal, run.json and results.csv record it; a resume reads it back.
 */
class RunDriverTest {
    @TempDir
    Path dir;

    private Plan plan() throws IOException {
        String text = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("name: smoke\n", "name: smoke\nconnect: test:///default\naccel: tcg\n")
                .replaceFirst("baseline: ide-wt-e1000\n", "baseline: ide-wt-e1000\nnetwork: default\n");
        return PlanParser.parse(text.replace("native: true", "native: false"), "smoke.yaml");
    }

    private LabHome lab() throws IOException {
        return fakeLab(dir);
    }

    /** A lab home in {@code dir} with a key and a fake image that cannot boot. */
    static LabHome fakeLab(Path dir) throws IOException {
        Path lab = dir.resolve("lab");
        if (Files.isDirectory(lab)) {
            return new LabHome(lab);
        }
        Files.createDirectories(lab.resolve("ssh"));
        Files.writeString(lab.resolve("ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n");
        Files.setPosixFilePermissions(lab.resolve("ssh/id_ed25519"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path images = lab.resolve("images/default");
        Files.createDirectories(images);
        for (String file : List.of("disk.qcow2", "vmlinuz", "initrd.img", "data.raw")) {
            Files.write(images.resolve(file), new byte[] {0});
        }
        Files.writeString(images.resolve("cmdline"), "console=ttyS0 root=/dev/vda1\n");
        Files.writeString(images.resolve("host_key.pub"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8 root@image\n");
        TestImages.restrictModes(TestImages.imageJson(images));
        return new LabHome(lab);
    }

    private RunDriver.Result run(Path out, boolean resume, StringWriter text) throws IOException {
        return RunDriver.run(plan(), new RunDriver.Options(out, resume ? null : Path.of("smoke.yaml"), 5L, null,
                resume, Duration.ofSeconds(10), LibvirtProvisioner.FACTORY, lab(), new PrintWriter(text, true)));
    }

    /**
     * The native ceiling is visited once a round though every guest fails to boot: fio is laid out, measured under
     * {@code times} and its file removed; iperf3 runs as a server and client pair; a failed native measurement is
     * recorded as failed and its leftovers are removed all the same. results.csv holds native's samples with the
     * host CPU read from {@code times} and the efficiencies computed from it.
     */
    @Test
    void theNativeCeilingIsMeasuredOnTheHostOnceARoundAndCleanedUpAfterEachMeasurement() throws Exception {
        Path out = dir.resolve("out");
        List<List<String>> commands = new java.util.ArrayList<>();
        String cpu = "0m0.010000s 0m0.020000s\n0m0.500000s 0m1.000000s\n";
        HostShell host = (argv, timeout) -> {
            commands.add(argv);
            String last = argv.get(argv.size() - 1);
            if (argv.get(0).equals("rm") || last.equals("--create_only=1")) {
                return new CommandResult(0, "", "", Duration.ZERO);
            }
            if (argv.contains("fio")) {
                return new CommandResult(0, captured("fio-randwrite.json"), cpu, Duration.ofSeconds(6));
            }
            boolean second = commands.stream().filter(c -> c.contains("-c")).count() > 1;
            return second ? new CommandResult(1, "", "iperf3: error - unable to connect\n", Duration.ofSeconds(1))
                    : new CommandResult(0, captured("iperf3-tcp.json"), cpu, Duration.ofSeconds(5));
        };
        Plan plan = PlanParser.parse(plan().source().replace("native: false", "native: true"), "smoke.yaml");
        StringWriter text = new StringWriter();
        RunDriver.Result result = RunDriver.run(plan, new RunDriver.Options(out, Path.of("smoke.yaml"), 5L, null,
                false, Duration.ofSeconds(10), LibvirtProvisioner.FACTORY, lab(), new PrintWriter(text, true)), host);

        assertThat(result.status()).as(text.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(text.toString()).contains("measuring the native ceiling on the host (round 1)");
        String runId = Journal.start(Journal.read(out)).orElseThrow().runId();
        Path pool = lab().pool().resolve(runId);
        assertThat(commands.stream().filter(c -> c.get(0).equals("rm")).map(c -> c.get(3)).toList())
                .as("every measurement's leftovers removed, the failed one's too").hasSize(4)
                .containsOnly(pool.resolve("native-randwrite-4k.fio").toString(),
                        pool.resolve("native-tcp-tx.iperf3.log").toString());
        assertThat(commands.stream().filter(c -> c.contains("--create_only=1"))).hasSize(2);
        List<Sample> samples = SampleCsv.read(out.resolve(RunOutputs.RESULTS_CSV));
        assertThat(samples).extracting(Sample::variant).containsOnly("native");
        assertThat(samples.stream().filter(s -> s.metric().equals("host_cpu")).map(Sample::value))
                .containsOnly(1.5);
        Sample io = samples.stream().filter(s -> s.metric().equals("io_per_host_cpu_s")).findFirst().orElseThrow();
        Sample iops = samples.stream().filter(s -> s.metric().equals("write_iops")).findFirst().orElseThrow();
        double seconds = dev.vbench.bench.workload.FioParser.parse(captured("fio-randwrite.json"), "").runtime()
                .toMillis() / 1e3;
        assertThat(io.value()).isCloseTo(iops.value() * seconds / 1.5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(samples.stream().filter(s -> s.metric().equals("bits_per_host_cpu_s"))).hasSize(1);
        assertThat(Journal.read(out).stream().filter(JournalEntry.MeasurementEntry.class::isInstance)).hasSize(4);
        assertThat(Journal.JSON.readTree(out.resolve(RunRecord.FILE).toFile()).path("plan").path("expanded").path("native")
                .asBoolean()).isTrue();
        assertThat(pool).doesNotExist();
    }

    private static String captured(String name) {
        try (java.io.InputStream in = RunDriverTest.class.getResourceAsStream("/captured/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyVariantFailingToBootEndsPartialWithARecordOfEachFailure() throws Exception {
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        RunDriver.Result result = run(out, false, text);
        assertThat(result.status()).as(text.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(result.failures()).extracting(f -> f.variant()).containsExactly("ide-wt-e1000",
                "virtio-wb-virtio");
        assertThat(text.toString()).contains("accelerator: tcg", "        booting ide-wt-e1000",
                "        variant ide-wt-e1000 FAILED: ", "        booting virtio-wb-virtio");
        List<JournalEntry> journal = Journal.read(out);
        assertThat(journal).extracting(e -> e.getClass().getSimpleName()).containsExactly("Start", "Environment",
                "VariantEntry", "VariantEntry", "End");
        assertThat(Journal.start(journal).orElseThrow().seed()).isEqualTo(5);
        assertThat(((JournalEntry.End) journal.get(4)).status()).isEqualTo("partial");
        JsonNode run = Journal.JSON.readTree(out.resolve(RunRecord.FILE).toFile());
        assertThat(run.path("status").asText()).isEqualTo("partial");
        assertThat(run.path("environment").path("accelerator").asText()).isEqualTo("tcg");
        assertThat(run.path("variants")).extracting(v -> v.path("status").asText()).containsExactly("failed",
                "failed");
        assertThat(Files.readString(out.resolve(RunDirectory.PLAN_COPY))).isEqualTo(plan().source());
        assertThat(out.resolve(RunOutputs.RESULTS_CSV)).exists();
        assertThat(lab().pool().resolve(Journal.start(journal).orElseThrow().runId())).doesNotExist();
    }

    @Test
    void aResumeContinuesTheSameRunAndANewRunNeedsAnEmptyDirectory() throws Exception {
        Path out = dir.resolve("out");
        run(out, false, new StringWriter());
        assertThatThrownBy(() -> run(out, false, new StringWriter())).isInstanceOf(RunInputException.class)
                .hasMessageContaining("already holds a run; continue it with --resume");
        RunDriver.Result resumed = run(out, true, new StringWriter());
        assertThat(resumed.status()).isEqualTo(RunStatus.PARTIAL);
        List<JournalEntry> journal = Journal.read(out);
        List<JournalEntry.Start> starts = journal.stream().filter(JournalEntry.Start.class::isInstance)
                .map(JournalEntry.Start.class::cast).toList();
        assertThat(starts).hasSize(2);
        assertThat(starts.get(1).runId()).isEqualTo(starts.get(0).runId());
        assertThat(starts.get(1).resumed()).isTrue();
        assertThat(starts.get(0).planFile()).isEqualTo(Path.of("smoke.yaml").toAbsolutePath().toString());
    }

    @Test
    void aResumePastACorruptJournalLineWarnsWithFileAndLine() throws Exception {
        Path out = dir.resolve("out");
        run(out, false, new StringWriter());
        Path journal = out.resolve(Journal.FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).substring(0, 20));
        Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        StringWriter text = new StringWriter();
        assertThat(run(out, true, text).status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(text.toString()).contains("warning: " + journal + ":3: not a journal entry (",
                "; line skipped (a measurement it held is taken again)");
    }
}
