package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.bench.cli.Main;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.TaggedDomain;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared pieces of the end-to-end tests on the local lab ({@code scripts/lab up}; {@code scripts/test} does it). */
final class LabFixture {
    static final String URI = System.getProperty("vbench.lab.uri", "qemu:///system");
    static final ObjectMapper JSON = new ObjectMapper();

    private LabFixture() {
    }

    /** Fails (never skips) with the fix when the lab is not up. */
    static void requireLab() {
        LabHome lab = LabHome.fromEnvironment();
        assertThat(Path.of("/run/netns", dev.vbench.provisioning.LabFacts.namespace())).as("the lab is not up: run scripts/lab up (scripts/test does)")
                .exists();
        assertThat(lab.defaultImageDir().resolve("disk.qcow2")).as("no lab image: run scripts/lab up").exists();
    }

    /** The result of one {@code vbench} invocation, run in this JVM. */
    record Invocation(int exitCode, String out, String err) {
    }

    static Invocation vbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Invocation(code, out.toString(), err.toString());
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Nothing of the run is left: no tagged domain, no overlay directory, no lock, no iperf3 server. */
    static void assertNothingLeftBehind(String runId) throws IOException {
        try (Provisioner p = LibvirtProvisioner.connect(URI)) {
            List<String> ours = p.listTagged().stream().filter(d -> d.tag().runId().equals(runId))
                    .map(TaggedDomain::name).toList();
            assertThat(ours).as("domains left behind").isEmpty();
        }
        LabHome lab = LabHome.fromEnvironment();
        assertThat(lab.pool().resolve(runId)).as("overlays left behind").doesNotExist();
        assertThat(lab.root().resolve("runs").resolve(runId + ".lock")).as("run lock left behind").doesNotExist();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.map(ph -> ph.info().commandLine().orElse(""))
                    .filter(c -> c.contains("iperf3") && c.contains(runId)).toList())
                    .as("iperf3 servers left behind").isEmpty();
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
