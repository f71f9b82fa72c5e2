package dev.vbench.provisioning;

/** Size of every guest of a plan. */
public record GuestSpec(int vcpus, int memoryMib) {
    public static final GuestSpec DEFAULT = new GuestSpec(2, 1024);
    /** The least memory a guest may have, in MiB. */
    public static final int MIN_MEMORY_MIB = 256;

    public GuestSpec {
        if (vcpus < 1 || vcpus > 64) {
            throw new IllegalArgumentException("guest.vcpus must be between 1 and 64, not " + vcpus);
        }
        if (memoryMib < MIN_MEMORY_MIB || memoryMib > 262144) {
            throw new IllegalArgumentException("guest.memory_mib must be between " + MIN_MEMORY_MIB
                    + " and 262144, not " + memoryMib);
        }
    }
}
