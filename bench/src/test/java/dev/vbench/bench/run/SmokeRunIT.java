package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped smoke plan, end to end on the local lab: an IDE + e1000 + writethrough guest and a virtio + virtio
 * + writeback guest booted for real, their devices proven from inside, fio and iperf3 measured twice each, the
 * outputs checked, and nothing left behind.
 */
class SmokeRunIT {
    @TempDir
    static Path tmp;
    static Path out;
    static LabFixture.Invocation run;

    @BeforeAll
    static void runSmokePlan() {
        LabFixture.requireLab();
        out = tmp.resolve("smoke");
        run = LabFixture.vbench("run", "--plan", "plans/smoke.yaml", "--out", out.toString(), "--seed", "42");
        System.out.println(run.out());
        System.err.println(run.err());
    }

    @Test
    void runEndsWithClaimsDecidedAndNoVariantFailed() {
        assertThat(run.exitCode()).as(run.err()).isIn(0, 10);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).contains("results: " + out);
    }

    @Test
    void runJsonDescribesTheRunAndProvesTheDevices() throws Exception {
        JsonNode r = LabFixture.json(out.resolve("run.json"));
        assertThat(r.path("format").asText()).isEqualTo("vbench-run");
        assertThat(r.path("format_version").asInt()).isEqualTo(2);
        assertThat(r.path("status").asText()).isEqualTo("complete");
        assertThat(r.path("seed").asLong()).isEqualTo(42);
        JsonNode env = r.path("environment");
        assertThat(env.path("accelerator").asText()).isIn("tcg", "kvm");
        assertThat(env.path("accelerator_reason").asText()).isNotBlank();
        assertThat(env.path("hypervisor_version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(env.path("libvirt_version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(env.path("host_kernel").asText()).isNotBlank();
        assertThat(env.path("guest_kernel").asText()).contains("amd64");
        assertThat(r.path("harness").path("commit").asText()).isNotBlank();
        assertThat(r.path("plan").path("source").asText()).contains("name: smoke");
        assertThat(r.path("plan").path("expanded").path("variants")).hasSize(2);

        JsonNode ide = variant(r, "ide-wt-e1000");
        assertThat(ide.path("status").asText()).isEqualTo("ready");
        assertThat(ide.path("device_evidence").asText()).contains("serial=vbdata").contains("ata_piix")
                .contains("drivers=e1000");
        assertThat(ide.path("domain_xml").asText()).contains("bus='ide'").contains("cache='writethrough'")
                .contains("<model type='e1000'/>");
        JsonNode virtio = variant(r, "virtio-wb-virtio");
        assertThat(virtio.path("status").asText()).isEqualTo("ready");
        assertThat(virtio.path("device_evidence").asText()).contains("virtio_blk").contains("virtio_net");
        assertThat(virtio.path("domain_xml").asText()).contains("bus='virtio'").contains("cache='writeback'")
                .contains("<model type='virtio'/>");

        JsonNode ms = r.path("measurements");
        assertThat(ms).as("2 variants and the native ceiling x 2 workloads x 2 repetitions").hasSize(3 * 2 * 2);
        for (JsonNode m : ms) {
            assertThat(m.path("status").asText()).as(m.toString()).isEqualTo("ok");
            assertThat(Files.exists(out.resolve(m.path("raw").asText()))).isTrue();
            assertThat(m.path("metrics").toString()).contains("\"host_cpu\"");
        }
    }

    @Test
    void virtioBeatsEmulatedDevicesOnBothWorkloads() throws Exception {
        List<String> lines = LabFixture.lines(out.resolve("results.csv"));
        assertThat(lines.get(0)).startsWith("variant,workload,metric,unit,rep,value");
        List<Sample> samples = SampleCsv.read(out.resolve("results.csv"));
        double ideIops = mean(samples, "ide-wt-e1000", "write_iops");
        double virtioIops = mean(samples, "virtio-wb-virtio", "write_iops");
        double e1000 = mean(samples, "ide-wt-e1000", "throughput");
        double virtioNet = mean(samples, "virtio-wb-virtio", "throughput");
        System.out.printf("smoke: write_iops ide %.0f virtio %.0f (%.2fx); throughput e1000 %.3g virtio %.3g (%.2fx)%n",
                ideIops, virtioIops, virtioIops / ideIops, e1000, virtioNet, virtioNet / e1000);
        assertThat(virtioIops).isGreaterThan(ideIops);
        assertThat(virtioNet).isGreaterThan(e1000);
        assertThat(samples).anyMatch(s -> s.metric().equals("write_iops") && s.unit().equals("IO/s"));
        assertThat(samples).anyMatch(s -> s.metric().equals("throughput") && s.unit().equals("bit/s"));
        assertThat(samples).anyMatch(s -> s.metric().equals("write_clat_p99") && s.unit().equals("ns"));
    }

    @Test
    void analysisWasWritten() {
        for (String f : new String[] {"summary.json", "report.html", "junit.xml", "journal.jsonl", "plan.yaml"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(out.resolve("charts")).isNotEmptyDirectory();
    }

    @Test
    void nothingLeftBehind() throws Exception {
        LabFixture.assertNothingLeftBehind(LabFixture.json(out.resolve("run.json")).path("run_id").asText());
    }

    static JsonNode variant(JsonNode run, String name) {
        for (JsonNode v : run.path("variants")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + name + " in run.json");
    }

    static double mean(List<Sample> samples, String variant, String metric) {
        return samples.stream().filter(s -> s.variant().equals(variant) && s.metric().equals(metric))
                .mapToDouble(Sample::value).average().orElseThrow(() -> new AssertionError(variant + " " + metric));
    }

    @Test
    void everyVariantIsShownAsAShareOfTheNativeCeilingAndByItsCostInHostCpu() throws Exception {
        JsonNode shares = LabFixture.json(out.resolve("summary.json")).path("native");
        for (String variant : java.util.List.of("ide-wt-e1000", "virtio-wb-virtio")) {
            for (String metric : java.util.List.of("write_iops", "io_per_host_cpu_s", "throughput",
                    "bits_per_host_cpu_s")) {
                JsonNode share = java.util.stream.StreamSupport.stream(shares.spliterator(), false)
                        .filter(n -> n.path("variant").asText().equals(variant)
                                && n.path("metric").asText().equals(metric)).findFirst().orElseThrow(
                                () -> new AssertionError("no share of native for " + variant + " " + metric));
                assertThat(share.path("native_mean").asDouble()).as(variant + " " + metric).isPositive();
                assertThat(share.path("percent").asDouble()).as(variant + " " + metric).isPositive();
            }
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("% of native ceiling");
        assertThat(LabFixture.lines(out.resolve("results.csv"))).anyMatch(l -> l.startsWith("native,randwrite-4k,"))
                .anyMatch(l -> l.startsWith("virtio-wb-virtio,randwrite-4k,io_per_host_cpu_s,"));
    }
}
