package dev.vbench.bench.plan;

import dev.vbench.provisioning.NetworkSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a {@code network} key, of the plan or of one variant: the name of a libvirt network, or a mapping
 * {@code {network: NAME, host: ADDRESS}} or {@code {bridge: NAME, virtualport: openvswitch, host: ADDRESS}}.
 * {@code host} is the host's IPv4 address on that network, where the iperf3 server listens, for a network whose
 * libvirt definition has no {@code <ip>} (a bridge, or a libvirt network in forward mode bridge).
 */
final class NetworkReader {
    private static final List<String> KEYS = List.of("network", "bridge", "virtualport", "host");
    private static final String MAPPING = "a libvirt network name or a mapping {network: NAME, host: ADDRESS} or"
            + " {bridge: NAME, virtualport: openvswitch, host: ADDRESS}";
    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BRIDGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");

    private NetworkReader() {
    }

    static NetworkSpec read(PlanNode node) {
        if (node.isValue()) {
            return NetworkSpec.libvirtNetwork(networkName(node));
        }
        PlanNode m = node.map(MAPPING).allowKeys(KEYS);
        PlanNode networkNode = m.get("network").orElse(null);
        NetworkSpec spec;
        if (networkNode != null) {
            if (m.get("bridge").isPresent() || m.get("virtualport").isPresent()) {
                throw networkNode.error("give either network: NAME (a libvirt network) or bridge: NAME with"
                        + " virtualport, not both");
            }
            spec = NetworkSpec.libvirtNetwork(networkName(networkNode));
        } else {
            PlanNode bridgeNode = m.required("bridge", "the host bridge, e.g. bridge: br0 (or network: NAME)");
            String bridge = bridgeNode.text();
            if (!BRIDGE_NAME.matcher(bridge).matches()) {
                throw bridgeNode.error("not a bridge name: " + OneLine.quote(bridge)
                        + " (1-15 letters, digits, '.', '_', '-')");
            }
            String virtualport = m.get("virtualport").map(n -> n.choice(List.of("openvswitch"))).orElse(null);
            spec = NetworkSpec.hostBridge(bridge, virtualport);
        }
        return m.get("host").map(h -> spec.withHost(host(h))).orElse(spec);
    }

    private static String networkName(PlanNode node) {
        String name = node.text();
        if (!NETWORK_NAME.matcher(name).matches()) {
            throw node.error("not a libvirt network name: " + OneLine.quote(name)
                    + " (letters, digits, '.', '_', '-'; or " + MAPPING + ")");
        }
        return name;
    }

    private static String host(PlanNode node) {
        String text = node.text();
        if (!IPV4.matcher(text).matches()) {
            throw node.error("not an IPv4 address: " + OneLine.quote(text) + " (the host's address on the network,"
                    + " where the iperf3 server listens, e.g. host: 192.168.151.1)");
        }
        return text;
    }
}
