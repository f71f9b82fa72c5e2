package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A variant's own {@code network:} (it replaces the plan's for that variant) and the shipped OVS plan. */
class VariantNetworkTest {
    static final String PLAN = """
            name: nets
            network: vbench
            variants:
              - {name: a}
              - {name: b, network: {network: vbench-ovs, host: 192.168.151.1}}
              - {name: c, nic: {model: e1000}, network: {bridge: vbovs0, virtualport: openvswitch, host: 10.0.0.1}}
              - {name: d, network: other}
            workloads: [{name: tcp, iperf3: {duration: 5s}}]
            repetitions: 1
            """;

    static Plan parse(String yaml) {
        return PlanParser.parse(yaml, "p.yaml");
    }

    static PlanException refused(String yaml) {
        return catchThrowableOfType(() -> parse(yaml), PlanException.class);
    }

    @Test
    void aVariantsNetworkReplacesThePlansForThatVariantOnly() {
        Plan plan = parse(PLAN);
        List<NetworkSpec> nets = plan.variants().stream().map(v -> v.networkOr(plan.network())).toList();
        assertThat(nets).containsExactly(NetworkSpec.libvirtNetwork("vbench"),
                NetworkSpec.libvirtNetwork("vbench-ovs").withHost("192.168.151.1"),
                NetworkSpec.hostBridge("vbovs0", "openvswitch").withHost("10.0.0.1"),
                NetworkSpec.libvirtNetwork("other"));
        assertThat(plan.variants().get(0).network()).as("no key: the plan's").isNull();
        assertThat(nets.get(2).label()).isEqualTo("bridge vbovs0 (openvswitch)");
    }

    @Test
    void theCanarysTwinIsOnTheCanarysNetwork() {
        Plan plan = parse(PLAN + "canary: b\n");
        Variant twin = plan.variants().stream().filter(v -> v.name().equals("b.canary")).findFirst().orElseThrow();
        assertThat(twin.network()).isEqualTo(NetworkSpec.libvirtNetwork("vbench-ovs").withHost("192.168.151.1"));
    }

    @Test
    void badNetworksAreRefusedWithTheKeyAndTheFix() {
        PlanException host = refused(PLAN.replace("host: 192.168.151.1", "host: 192.168.151.256"));
        assertThat(host.line()).isEqualTo(5);
        assertThat(host.key()).isEqualTo("variants[1].network.host");
        assertThat(host.problem()).contains("not an IPv4 address: '192.168.151.256'", "host: 192.168.151.1");
        PlanException both = refused(PLAN.replace("{network: vbench-ovs,", "{network: vbench-ovs, bridge: br0,"));
        assertThat(both.key()).isEqualTo("variants[1].network.network");
        assertThat(both.problem()).contains("either network: NAME", "not both");
        PlanException unknown = refused(PLAN.replace("host: 10.0.0.1", "hots: 10.0.0.1"));
        assertThat(unknown.key()).isEqualTo("variants[2].network.hots");
        assertThat(refused(PLAN.replace("network: other", "network: 'a b'")).problem())
                .contains("not a libvirt network name: 'a b'");
        assertThat(parse("network: {bridge: br0, host: 10.1.2.3}\n" + PLAN.replace("network: vbench\n", ""))
                .network()).isEqualTo(NetworkSpec.hostBridge("br0", null).withHost("10.1.2.3"));
    }

    /** The shipped OVS plan: both NIC models on both bridges, on the network and address the lab's scripts make. */
    @Test
    void theOvsPlanComparesBothBridgesOnTheLabsOvsNetwork() throws Exception {
        Plan plan = PlanParser.parse(Path.of("plans/ovs.yaml"));
        String common = Files.readString(Path.of("../scripts/lib/common.sh"), StandardCharsets.UTF_8);
        NetworkSpec ovs = NetworkSpec.libvirtNetwork(setting(common, "VBENCH_OVS_NET"))
                .withHost(setting(common, "VBENCH_OVS_ADDR"));
        NetworkSpec lab = NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK);
        assertThat(plan.network()).isEqualTo(lab);
        assertThat(plan.variants()).extracting(Variant::name, v -> v.nic().model().planName(),
                v -> v.networkOr(plan.network())).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("virtio-linuxbr", "virtio", lab),
                        org.assertj.core.groups.Tuple.tuple("virtio-ovs", "virtio", ovs),
                        org.assertj.core.groups.Tuple.tuple("e1000-linuxbr", "e1000", lab),
                        org.assertj.core.groups.Tuple.tuple("e1000-ovs", "e1000", ovs));
        assertThat(plan.claims()).extracting(c -> c.baseline() + ">" + c.candidate())
                .containsExactly("virtio-linuxbr>virtio-ovs", "e1000-ovs>virtio-ovs");
    }

    private static String setting(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(m.find()).as(name + " in scripts/lib/common.sh").isTrue();
        return m.group(1);
    }
}
