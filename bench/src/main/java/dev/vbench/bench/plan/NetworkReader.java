package dev.vbench.bench.plan;

import dev.vbench.provisioning.NetworkSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a plan's {@code network} section: the name of a libvirt network, or a host bridge
 * {@code {bridge: NAME, virtualport: openvswitch}}.
 */
final class NetworkReader {
    private static final List<String> BRIDGE_KEYS = List.of("bridge", "virtualport");
    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BRIDGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");

    private NetworkReader() {
    }

    static NetworkSpec read(PlanNode node) {
        if (node.isValue()) {
            String name = node.text();
            if (!NETWORK_NAME.matcher(name).matches()) {
                throw node.error("not a libvirt network name: " + OneLine.quote(name)
                        + " (letters, digits, '.', '_', '-'; or a mapping {bridge: br0})");
            }
            return NetworkSpec.libvirtNetwork(name);
        }
        PlanNode m = node.map("a libvirt network name or a mapping {bridge: NAME, virtualport: openvswitch}")
                .allowKeys(BRIDGE_KEYS);
        PlanNode bridgeNode = m.required("bridge", "the host bridge, e.g. bridge: br0");
        String bridge = bridgeNode.text();
        if (!BRIDGE_NAME.matcher(bridge).matches()) {
            throw bridgeNode.error("not a bridge name: " + OneLine.quote(bridge)
                    + " (1-15 letters, digits, '.', '_', '-')");
        }
        String virtualport = m.get("virtualport").map(n -> n.choice(List.of("openvswitch"))).orElse(null);
        return NetworkSpec.hostBridge(bridge, virtualport);
    }
}
