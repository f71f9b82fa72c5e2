package dev.vbench.provisioning;

/**
 * Where the guest NIC is plugged: a libvirt network by name, or a host bridge (optionally an Open vSwitch
 * bridge, {@code virtualport: openvswitch}). Exactly one of {@code network} and {@code bridge} is set. {@code host}
 * is the host's IPv4 address on it, where the iperf3 server listens, for a network libvirt gives no {@code <ip>}
 * (a bridge, or a libvirt network in forward mode bridge); null: the libvirt network's {@code <ip>}.
 */
public record NetworkSpec(String network, String bridge, String virtualport, String host) {
    /** The local lab's libvirt network ({@link LabFacts#network()}). */
    public static final String LAB_NETWORK = LabFacts.network();

    public NetworkSpec {
        if ((network == null) == (bridge == null)) {
            throw new IllegalArgumentException("network needs exactly one of a libvirt network name or a bridge");
        }
        if (virtualport != null && bridge == null) {
            throw new IllegalArgumentException("network.virtualport needs network.bridge");
        }
        if (virtualport != null && !virtualport.equals("openvswitch")) {
            throw new IllegalArgumentException("unknown network.virtualport '" + virtualport
                    + "' (valid: openvswitch)");
        }
    }

    /** A libvirt network by name. */
    public static NetworkSpec libvirtNetwork(String name) {
        return new NetworkSpec(name, null, null, null);
    }

    /** A host bridge without a host address. */
    public static NetworkSpec hostBridge(String bridge, String virtualport) {
        return new NetworkSpec(null, bridge, virtualport, null);
    }

    /** The same network with the host's address {@code address} on it. */
    public NetworkSpec withHost(String address) {
        return new NetworkSpec(network, bridge, virtualport, address);
    }

    /** How reports name it: the libvirt network's name, or {@code bridge NAME} (with {@code (openvswitch)}). */
    public String label() {
        if (network != null) {
            return network;
        }
        return "bridge " + bridge + (virtualport == null ? "" : " (" + virtualport + ")");
    }
}
