package dev.vbench.bench.cli;

import static dev.vbench.bench.cli.Cli.vbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.run.TestImages;
import dev.vbench.provisioning.RunTag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;



    static Path image(Path dir) throws Exception {
        return TestImages.imageJson(dir);
    }

    static void assertOneLineConfigError(Cli.Result r) {
        assertThat(r.exit()).isEqualTo(ExitCode.CONFIG);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("vbench: ").endsWith("\n").doesNotContain("Exception").doesNotContain("at dev.")
                .doesNotContain("at picocli.");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void printsTheExpandedVariantsOneALine() {
        Cli.Result r = vbench("plan", "--plan", "plans/smoke.yaml");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                ide-wt-e1000      disk=ide cache=writethrough io=default nic=e1000
                virtio-wb-virtio  disk=virtio cache=writeback io=default nic=virtio
                """);
        assertThat(r.err()).contains("plan smoke: 2 variants (baseline ide-wt-e1000), 2 workloads, 1 boot x 2 repetitions");
    }

    @Test
    void aCanaryIsListedWithItsTwinAndNamedInTheSummary() throws Exception {
        Path plan = dir.resolve("c.yaml");
        Files.writeString(plan, Files.readString(Path.of("plans/smoke.yaml"))
                .replaceFirst("baseline: ide-wt-e1000\n", "baseline: ide-wt-e1000\ncanary: ide-wt-e1000\n"));

        Cli.Result r = vbench("plan", "--plan", plan.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                ide-wt-e1000         disk=ide cache=writethrough io=default nic=e1000
                ide-wt-e1000.canary  disk=ide cache=writethrough io=default nic=e1000
                virtio-wb-virtio     disk=virtio cache=writeback io=default nic=virtio
                """);
        assertThat(r.err()).contains("plan smoke: 3 variants (baseline ide-wt-e1000; canary ide-wt-e1000 and"
                + " ide-wt-e1000.canary), 2 workloads");
    }

    @Test
    void printsMatrixVariantsWithIo() throws Exception {
        Path plan = dir.resolve("m.yaml");
        Files.writeString(plan, """
                name: m
                matrix: {disk.bus: [sata, virtio-scsi], disk.cache: [none], disk.io: [io_uring], nic.model: [rtl8139]}
                workloads: [{name: w, fio: {rw: randread}}]
                boots: 3
                repetitions: 2
                """);

        Cli.Result r = vbench("plan", "--plan", plan.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                sata-none-iouring-rtl8139         disk=sata cache=none io=io_uring nic=rtl8139
                virtio-scsi-none-iouring-rtl8139  disk=virtio-scsi cache=none io=io_uring nic=rtl8139
                """);
        assertThat(r.err()).contains("3 boots x 2 repetitions, stopping early once decided");
    }

    @Test
    void badPlanIsOneLineWithFileLineAndKeyAndExitCodeTwo() throws Exception {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, """
                name: bad
                variants:
                  - name: a
                    disk: {bus: scsi}
                workloads: [{name: w, fio: {rw: randread}}]
                repetitions: 3
                """);

        Cli.Result r = vbench("plan", "--plan", plan.toString());

        assertOneLineConfigError(r);
        assertThat(r.err()).isEqualTo("vbench: " + plan + ":4: variants[0].disk.bus: unknown value 'scsi'"
                + " (valid: ide, sata, virtio, virtio-scsi)\n");
    }

    @Test
    void yamlSyntaxErrorIsAConfigError() throws Exception {
        Path plan = dir.resolve("syntax.yaml");
        Files.writeString(plan, "name: x\nvariants: [a, b\nworkloads: []\n");

        Cli.Result r = vbench("plan", "--plan", plan.toString());

        assertOneLineConfigError(r);
        assertThat(r.err()).contains("syntax.yaml:3: YAML syntax error");
    }

    @Test
    void missingPlanFileIsAConfigError() {
        Cli.Result r = vbench("plan", "--plan", dir.resolve("nope.yaml").toString());

        assertOneLineConfigError(r);
        assertThat(r.err()).contains("nope.yaml: no such file");
    }

    @Test
    void usageErrorsAreConfigErrors() {
        assertOneLineConfigError(vbench("plan"));
        assertThat(vbench("plan").err()).contains("--plan").contains("vbench plan --help");
        assertOneLineConfigError(vbench("plan", "--plan", "plans/smoke.yaml", "--frobnicate"));
        assertOneLineConfigError(vbench("frobnicate"));
        assertOneLineConfigError(vbench());
        assertOneLineConfigError(vbench("plan", "--plan", "plans/smoke.yaml", "--emit-xml", dir.toString(),
                "--accel", "auto"));
    }

    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = vbench("plan", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--plan=FILE").contains("--emit-xml=DIR");
        Cli.Result version = vbench("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("vbench ");
    }

    @Test
    void emitsOneValidDomainDefinitionPerVariant() throws Exception {
        Path out = dir.resolve("xml/nested");
        Path image = image(dir.resolve("image"));

        Cli.Result r = vbench("plan", "--plan", "plans/default.yaml", "--emit-xml", out.toString(),
                "--image-dir", image.toString(), "--work-dir", dir.resolve("pool").toString(), "--run-id", "r1");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(4);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("ide-wt-e1000.xml",
                    "ide-wt-virtio.xml", "virtio-wb-e1000.xml", "virtio-wt-e1000.xml");
        }
        String ide = Files.readString(out.resolve("ide-wt-e1000.xml"));
        assertThat(ide).contains("<domain type=\"qemu\">").contains("<name>vbench-r1-ide-wt-e1000</name>")
                .contains("bus=\"ide\"").contains("cache=\"writethrough\"").contains("<model type=\"e1000\"/>")
                .contains("<kernel>" + image.toAbsolutePath().resolve("vmlinuz") + "</kernel>")
                .contains(dir.resolve("pool").toAbsolutePath() + "/vbench-r1-ide-wt-e1000-data.qcow2");
        String wb = Files.readString(out.resolve("virtio-wb-e1000.xml"));
        assertThat(wb).contains("bus=\"virtio\"").contains("cache=\"writeback\"");
        assertThat(Files.readString(out.resolve("ide-wt-virtio.xml"))).contains("<model type=\"virtio\"/>");
        assertThat(r.err()).contains("wrote 4 domain definitions");
        // a preview carries no run tag: a domain defined from it is nobody's leftover for cleanup
        assertThat(ide).contains("<vbench:emitted xmlns:vbench=\"" + RunTag.NAMESPACE + "\" run=\"r1\""
                + " variant=\"ide-wt-e1000\"/>").doesNotContain("<vbench:run");
        assertThat(RunTag.fromDomainXml(ide)).isEmpty();
    }

    @Test
    void accelOptionSelectsTheDomainType() throws Exception {
        Path out = dir.resolve("kvm");

        Cli.Result r = vbench("plan", "--plan", "plans/smoke.yaml", "--emit-xml", out.toString(), "--accel", "kvm",
                "--image-dir", image(dir).toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("virtio-wb-virtio.xml"))).startsWith("<domain type=\"kvm\">");
    }

    @Test
    void invalidPlanWritesNothing() throws Exception {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, Files.readString(Path.of("plans/smoke.yaml")).replace("repetitions: 2",
                "repetitions: 0"));
        Path out = dir.resolve("never");

        Cli.Result r = vbench("plan", "--plan", plan.toString(), "--emit-xml", out.toString());

        assertOneLineConfigError(r);
        assertThat(r.err()).contains("repetitions: 0 is out of range");
        assertThat(out).doesNotExist();
    }

    @Test
    void unwritableOutputIsExitCodeSix() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");

        Cli.Result r = vbench("plan", "--plan", "plans/smoke.yaml", "--emit-xml", file.toString(), "--image-dir",
                image(dir).toString());

        assertThat(r.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("vbench: cannot write " + file).doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void theImageLayoutComesFromImageJson() throws Exception {
        Path image = dir.resolve("renamed");
        Files.createDirectories(image);
        Files.writeString(image.resolve("image.json"), Files.readString(image(dir.resolve("tmp")).resolve("image.json"))
                .replace("\"vmlinuz\"", "\"kernel-6.1\""));
        Path out = dir.resolve("xml");

        Cli.Result r = vbench("plan", "--plan", "plans/smoke.yaml", "--emit-xml", out.toString(), "--image-dir",
                image.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("ide-wt-e1000.xml")))
                .contains("<kernel>" + image.toAbsolutePath().resolve("kernel-6.1") + "</kernel>");
    }

    @Test
    void anImageWithoutImageJsonIsALabError() throws Exception {
        Path out = dir.resolve("xml");

        Cli.Result r = vbench("plan", "--plan", "plans/smoke.yaml", "--emit-xml", out.toString(), "--image-dir",
                dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCode.PROVISIONING);
        assertThat(r.err()).contains(dir.resolve("image.json").toString()).contains("it is missing")
                .contains("scripts/lab up").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
