package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each variant's iperf3 server listens on the host's address on that variant's own network. */
class ServerHostsTest {
    static final String PLAN = """
            name: hosts
            network: {bridge: br0, host: 10.0.0.1}
            variants:
              - {name: a}
              - {name: b, network: {network: vbench-ovs, host: 192.168.151.1}}
              - {name: c, network: {bridge: vbovs0, virtualport: openvswitch, host: 192.168.151.1}}
            workloads: [{name: tcp, iperf3: {duration: 5s}}]
            repetitions: 1
            """;

    static Plan parse(String yaml) {
        return PlanParser.parse(yaml, "p.yaml");
    }

    @Test
    void eachVariantGetsItsNetworksHostAddress() {
        // FakeProvisioner refuses networkHostAddress: a network's host: needs no libvirt lookup
        assertThat(ServerHosts.resolve(parse(PLAN), new FakeProvisioner())).isEqualTo(Map.of("a", "10.0.0.1",
                "b", "192.168.151.1", "c", "192.168.151.1"));
    }

    @Test
    void withoutIperf3ThereIsNothingToResolve() {
        Plan plan = parse(PLAN.replace("network: {bridge: br0, host: 10.0.0.1}", "network: {bridge: br0}")
                .replace("iperf3: {duration: 5s}", "fio: {rw: randread}"));
        assertThat(ServerHosts.resolve(plan, new FakeProvisioner())).isEmpty();
    }

    @Test
    void aBridgeWithoutHostIsRefusedWithTheFix() {
        Plan plan = parse(PLAN.replace("network: {bridge: br0, host: 10.0.0.1}", "network: {bridge: br0}"));
        RunInputException e = catchThrowableOfType(() -> ServerHosts.resolve(plan, new FakeProvisioner()),
                RunInputException.class);
        assertThat(e).hasMessage("iperf3 workloads on bridge br0 need the host's address on it, where the iperf3"
                + " server listens: network: {bridge: br0, host: ADDRESS}");
    }
}
