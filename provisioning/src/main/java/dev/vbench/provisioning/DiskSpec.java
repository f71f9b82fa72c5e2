package dev.vbench.provisioning;

import java.util.Objects;

/**
 * The data disk under test: bus, host cache mode and (optional, {@code null} = libvirt's default) I/O mode.
 * Combinations that QEMU refuses are rejected here with the reason.
 */
public record DiskSpec(DiskBus bus, CacheMode cache, IoMode io) {
    public DiskSpec {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(cache, "cache");
        if (io == IoMode.NATIVE && !cache.bypassesHostPageCache()) {
            throw new IllegalArgumentException("io: native needs cache: none or directsync (QEMU refuses aio=native"
                    + " with the host page cache), not cache: " + cache.planName());
        }
    }

    /** Short form used in generated variant names, e.g. {@code virtio-wb} or {@code ide-wt-native}. */
    public String shortName() {
        String c = switch (cache) {
            case DEFAULT -> "dflt";
            case NONE -> "none";
            case WRITETHROUGH -> "wt";
            case WRITEBACK -> "wb";
            case DIRECTSYNC -> "ds";
            case UNSAFE -> "unsafe";
        };
        return bus.planName() + "-" + c + (io == null ? "" : "-" + io.planName().replace("_", ""));
    }
}
