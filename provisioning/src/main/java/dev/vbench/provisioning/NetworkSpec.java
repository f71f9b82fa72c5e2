package dev.vbench.provisioning;

/**
 * Where the guest NIC is plugged: a libvirt network by name, or a host bridge (optionally an Open vSwitch
 * bridge, {@code virtualport: openvswitch}). Exactly one of {@code network} and {@code bridge} is set.
 */
public record NetworkSpec(String network, String bridge, String virtualport) {
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

    public static NetworkSpec libvirtNetwork(String name) {
        return new NetworkSpec(name, null, null);
    }

    public static NetworkSpec hostBridge(String bridge, String virtualport) {
        return new NetworkSpec(null, bridge, virtualport);
    }
}
