package dev.vbench.provisioning;

/** Size of every guest of a plan. */
public record GuestSpec(int vcpus, int memoryMib) {
    public static final GuestSpec DEFAULT = new GuestSpec(2, 1024);

    public GuestSpec {
        if (vcpus < 1 || vcpus > 64) {
            throw new IllegalArgumentException("guest.vcpus must be between 1 and 64, not " + vcpus);
        }
        if (memoryMib < 256 || memoryMib > 262144) {
            throw new IllegalArgumentException("guest.memory_mib must be between 256 and 262144, not " + memoryMib);
        }
    }
}
