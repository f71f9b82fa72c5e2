package dev.vbench.provisioning;

import java.util.Objects;

/**
 * The data disk under test: bus, host cache mode, (optional, {@code null} = libvirt's default) I/O mode and what
 * serves it. Combinations that QEMU refuses are rejected here with the reason.
 */
public record DiskSpec(DiskBus bus, CacheMode cache, IoMode io, DiskBackend backend) {
    public DiskSpec {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(backend, "backend");
        if (io == IoMode.NATIVE && !cache.bypassesHostPageCache()) {
            throw new IllegalArgumentException("io: native needs cache: none or directsync (QEMU refuses aio=native"
                    + " with the host page cache), not cache: " + cache.planName());
        }
    }

    /** A disk on an overlay file ({@link DiskBackend#FILE}). */
    public DiskSpec(DiskBus bus, CacheMode cache, IoMode io) {
        this(bus, cache, io, DiskBackend.FILE);
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
        return bus.planName() + "-" + c + (io == null ? "" : "-" + io.planName().replace("_", ""))
                + (backend == DiskBackend.FILE ? "" : "-nbd");
    }
}
