package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.bench.image.TestQemuImg;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.results.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest that starts but never boots, on a {@link FakeProvisioner} and a lab home with a real (tiny) qcow2 image:
 * its console log is kept in the run directory before the pool is deleted and named in the variant's failure; the
 * canary's pair is visited like any variant; run.json's environment names the image's recipe and guest kernel. With
 * {@code parallel_boots}, a round's guests boot together up to the bound (the fake host makes them wait for each
 * other, so a run that booted them one at a time would be seen), each fails on its own and all are torn down.
 */
class FailedBootConsoleTest {
    static final String PLAN = """
            name: consoles
            connect: test:///default
            accel: tcg
            canary: a
            variants:
              - {name: a, disk: {bus: ide}}
              - {name: b}
            workloads:
              - {name: rr, fio: {rw: randread}}
            boots: 2
            repetitions: 1
            """;

    @TempDir
    Path dir;

    private LabHome lab() throws IOException {
        Path lab = dir.resolve("lab");
        Files.createDirectories(lab.resolve("ssh"));
        Files.writeString(lab.resolve("ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n");
        Files.setPosixFilePermissions(lab.resolve("ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
        Path images = TestImages.imageJson(lab.resolve("images/default"));
        TestQemuImg.qcow2(images.resolve("disk.qcow2"));
        Files.write(images.resolve("data.raw"), new byte[1 << 20]);
        for (String file : List.of("vmlinuz", "initrd.img")) {
            Files.write(images.resolve(file), new byte[] {0});
        }
        Files.writeString(images.resolve("cmdline"), "console=ttyS0 root=/dev/vda1\n");
        Files.writeString(images.resolve("host_key.pub"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8 root@image\n");
        TestImages.restrictModes(images);
        return new LabHome(lab);
    }

    @Test
    void aFailedBootKeepsItsConsoleLogAndNamesItInTheReason() throws Exception {
        Plan plan = PlanParser.parse(PLAN, "consoles.yaml");
        FakeProvisioner host = new FakeProvisioner();
        LabHome lab = lab();
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        RunDriver.Result result = RunDriver.run(plan, new RunDriver.Options(out, Path.of("consoles.yaml"), 3L, null,
                false, Duration.ofSeconds(1), uri -> host, lab, new PrintWriter(text, true)));

        assertThat(result.status()).as(text.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(result.failures()).extracting(f -> f.variant())
                .containsExactlyInAnyOrder("a", "a.canary", "b");
        String runId = Journal.start(Journal.read(out)).orElseThrow().runId();
        for (String variant : List.of("a", "a.canary", "b")) {
            String kept = "raw/" + variant + "/boot1/console.log";
            String domain = "vbench-" + runId + "-" + variant;
            assertThat(Files.readString(out.resolve(kept), StandardCharsets.UTF_8))
                    .isEqualTo(FakeProvisioner.console(domain));
            assertThat(result.failures()).filteredOn(f -> f.variant().equals(variant)).singleElement()
                    .satisfies(f -> assertThat(f.reason()).startsWith("boot 1: wait for an IPv4 address of domain '"
                            + domain + "': no DHCP lease").endsWith("; console: " + kept));
        }
        assertThat(host.closed).as("every started guest was torn down").hasSize(3);
        assertThat(host.consoleLogs).allSatisfy(log -> assertThat(log).doesNotExist());
        assertThat(lab.pool().resolve(runId)).doesNotExist();
        assertThat(text.toString()).contains("variant a.canary FAILED: ", "; console: raw/a.canary/boot1/console.log");

        JsonNode run = Journal.JSON.readTree(out.resolve(RunRecord.FILE).toFile());
        assertThat(run.path("variants")).extracting(v -> v.path("reason").asText())
                .allSatisfy(reason -> assertThat(reason).contains("; console: raw/"));
        assertThat(run.path("plan").path("expanded").path("canary").toString())
                .isEqualTo("[\"a\",\"a.canary\"]");
        JsonNode env = run.path("environment");
        assertThat(env.path("image_recipe_hash").asText()).isEqualTo("0123456789abcdef");
        assertThat(env.path("guest_kernel").asText()).as("no guest reported one: image.json's")
                .isEqualTo("6.1.0-test-amd64");
        assertThat(Files.readString(out.resolve(RunRecord.FILE), StandardCharsets.UTF_8)).doesNotContain("\"null\"");
    }

    @Test
    void aRoundsGuestsBootTogetherUpToTheBoundAndEachFailsOnItsOwn() throws Exception {
        Plan plan = PlanParser.parse(PLAN.replace("boots: 2", "boots: 1\nparallel_boots: 2")
                .replace("  - {name: b}\n", "  - {name: b}\n  - {name: c, nic: {model: virtio}}\n"), "par.yaml");
        FakeProvisioner host = new FakeProvisioner(2);
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        RunDriver.Result result = RunDriver.run(plan, new RunDriver.Options(out, Path.of("par.yaml"), 3L, null,
                false, Duration.ofSeconds(20), uri -> host, lab(), new PrintWriter(text, true)));

        assertThat(result.status()).as(text.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(result.failures()).extracting(f -> f.variant())
                .containsExactlyInAnyOrder("a", "a.canary", "b", "c");
        assertThat(host.mostRunning).as("two batches of 2").hasValue(2);
        assertThat(host.closed).as("every started guest was torn down").hasSize(4);
        assertThat(text.toString()).contains(", 2 at once (parallel_boots 2; 6.0 GiB free, 4 host CPUs)");
        List<JournalEntry> journal = Journal.read(out);
        assertThat(journal).extracting(e -> e.getClass().getSimpleName()).containsExactly("Start", "Environment",
                "VariantEntry", "VariantEntry", "VariantEntry", "VariantEntry", "End");
        JsonNode run = Journal.JSON.readTree(out.resolve(RunRecord.FILE).toFile());
        assertThat(run.path("plan").path("expanded").path("parallel_boots").asText()).isEqualTo("2");
    }
}
