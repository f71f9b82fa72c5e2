package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expanded plan's optional parts, which the golden run.json does not show: bridge, adaptive, mix, UDP, cap. */
class PlanRecordTest {
    static JsonNode expanded(String plan) throws Exception {
        Plan p = PlanParser.parse(plan, "p.yaml");
        return Journal.JSON.readTree(Journal.JSON.writeValueAsString(PlanRecord.of(p)));
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void aBridgeBootsAMixedJobAndUdpAreRecordedInFull() throws Exception {
        String smoke = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8);
        String plan = smoke.replaceFirst("baseline: ide-wt-e1000\n",
                        "baseline: ide-wt-e1000\nnetwork: {bridge: br0, virtualport: openvswitch}\n")
                .replaceFirst("repetitions: 2\n", "boots: 4\nrepetitions: 3\n")
                .replaceFirst("workloads:\n", "workloads:\n  - {name: mix, fio: {rw: randrw, rwmixread: 70}}\n"
                        + "  - {name: udp, iperf3: {udp: true, bitrate: 100M}}\n");
        JsonNode n = expanded(plan);
        assertThat(n.path("network").toString()).isEqualTo("{\"bridge\":\"br0\",\"virtualport\":\"openvswitch\"}");
        assertThat(n.path("boots").asInt()).isEqualTo(4);
        assertThat(n.path("repetitions").asInt()).isEqualTo(3);
        assertThat(n.path("stopping").asText()).isEqualTo("sequential");
        JsonNode mix = n.path("workloads").get(0);
        assertThat(keys(mix)).containsExactly("name", "fio");
        assertThat(keys(mix.path("fio"))).containsExactly("rw", "bs_bytes", "iodepth", "numjobs", "size_bytes",
                "runtime_s", "ramp_time_s", "rwmixread", "fsync", "direct", "ioengine");
        assertThat(mix.path("fio").path("rwmixread").asInt()).isEqualTo(70);
        JsonNode udp = n.path("workloads").get(1);
        assertThat(keys(udp)).containsExactly("name", "iperf3");
        assertThat(keys(udp.path("iperf3"))).containsExactly("duration_s", "streams", "reverse", "udp",
                "bitrate_bits_per_s", "omit_s");
        assertThat(udp.path("iperf3").path("bitrate_bits_per_s").asLong()).isEqualTo(100_000_000L);
    }

    @Test
    void anIopsCapIsRecordedAndAbsentWithoutOne() throws Exception {
        String smoke = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8);
        JsonNode n = expanded(smoke.replaceFirst("workloads:\n",
                "workloads:\n  - {name: capped, fio: {rw: randread, rate_iops: 500}}\n"));
        JsonNode capped = n.path("workloads").get(0).path("fio");
        assertThat(keys(capped)).endsWith("ioengine", "rate_iops");
        assertThat(capped.path("rate_iops").asInt()).isEqualTo(500);
        assertThat(keys(n.path("workloads").get(1).path("fio"))).doesNotContain("rate_iops");
    }

    @Test
    void theCanaryPairIsRecordedAfterTheBaselineAndIsEmptyWithoutOne() throws Exception {
        String smoke = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8);
        JsonNode with = expanded(smoke.replaceFirst("baseline: ide-wt-e1000\n",
                "baseline: ide-wt-e1000\ncanary: virtio-wb-virtio\n"));
        assertThat(keys(with)).containsSubsequence("baseline", "canary", "variants");
        assertThat(with.path("canary").toString()).isEqualTo("[\"virtio-wb-virtio\",\"virtio-wb-virtio.canary\"]");
        assertThat(with.path("variants")).extracting(v -> v.path("name").asText())
                .containsExactly("ide-wt-e1000", "virtio-wb-virtio", "virtio-wb-virtio.canary");
        assertThat(with.path("variants").get(2).path("disk")).isEqualTo(with.path("variants").get(1).path("disk"));
        assertThat(expanded(smoke).path("canary").toString()).isEqualTo("[]");
    }

    @Test
    void aBridgeWithoutVirtualportKeepsTheNull() throws Exception {
        String smoke = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8);
        JsonNode n = expanded(smoke.replaceFirst("baseline: ide-wt-e1000\n",
                "baseline: ide-wt-e1000\nnetwork: {bridge: br0}\n"));
        assertThat(n.path("network").toString()).isEqualTo("{\"bridge\":\"br0\",\"virtualport\":null}");
        assertThat(n.path("boots").asInt()).isEqualTo(1);
        assertThat(n.path("stopping").asText()).as("one boot is a fixed design").isEqualTo("fixed");
    }

    @Test
    void aVariantsOwnNetworkIsRecordedWithItAndOthersHaveNone() throws Exception {
        JsonNode n = expanded(Files.readString(Path.of("plans/ovs.yaml"), StandardCharsets.UTF_8));
        assertThat(n.path("network").asText()).isEqualTo("vbench");
        JsonNode variants = n.path("variants");
        assertThat(keys(variants.get(0))).containsExactly("name", "disk", "nic");
        assertThat(variants.get(1).path("name").asText()).isEqualTo("virtio-ovs");
        assertThat(variants.get(1).path("network").toString())
                .isEqualTo("{\"network\":\"vbench-ovs\",\"host\":\"192.168.151.1\"}");
        JsonNode bridge = expanded(Files.readString(Path.of("plans/ovs.yaml"), StandardCharsets.UTF_8)
                .replace("{network: vbench-ovs,", "{bridge: vbovs0, virtualport: openvswitch,"));
        assertThat(bridge.path("variants").get(3).path("network").toString()).isEqualTo(
                "{\"bridge\":\"vbovs0\",\"virtualport\":\"openvswitch\",\"host\":\"192.168.151.1\"}");
    }
}
