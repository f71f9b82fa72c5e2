package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanHosts;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.Variant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each variant's iperf3 server listens: the host's address on the network that variant's NIC is plugged into
 * (the variant's own network, else the plan's). A network's {@code host:} wins; otherwise the libvirt network's
 * {@code <ip>}, asked once per network before anything boots.
 */
final class ServerHosts {
    private ServerHosts() {
    }

    /** Variant name to server address; empty when the plan has no iperf3 workload. */
    static Map<String, String> resolve(Plan plan, Provisioner provisioner) {
        Map<String, String> byVariant = new LinkedHashMap<>();
        if (plan.workloads().stream().noneMatch(w -> w.iperf3() != null)) {
            return byVariant;
        }
        if (plan.hosts().iperf3Server() == PlanHosts.Iperf3Server.PEER) {
            throw new RunInputException("iperf3_server: peer (the server in a peer guest) is not available in this"
                    + " version; use iperf3_server: host (the default), with a network: {bridge: ..., host: ADDRESS}"
                    + " for a plain bridge");
        }
        Map<NetworkSpec, String> byNetwork = new HashMap<>();
        for (Variant v : plan.variants()) {
            NetworkSpec net = v.networkOr(plan.network());
            byVariant.put(v.name(), byNetwork.computeIfAbsent(net, n -> address(n, provisioner)));
        }
        return byVariant;
    }

    private static String address(NetworkSpec net, Provisioner provisioner) {
        if (net.host() != null) {
            return net.host();
        }
        if (net.network() == null) {
            throw new RunInputException("iperf3 workloads on " + net.label() + " need the host's address on it,"
                    + " where the iperf3 server listens: network: {bridge: " + net.bridge() + ", host: ADDRESS}");
        }
        return provisioner.networkHostAddress(net.network());
    }
}
