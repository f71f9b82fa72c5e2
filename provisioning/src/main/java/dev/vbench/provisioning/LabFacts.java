package dev.vbench.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The local lab's facts shared with {@code scripts/}: read from {@code lab.properties} beside this class, the one
 * file where the namespace, the lab network, the data-disk size and the guest drivers are written.
 */
public final class LabFacts {
    private static final Properties FACTS = load();

    private LabFacts() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = LabFacts.class.getResourceAsStream("lab.properties")) {
            if (in == null) {
                throw new IllegalStateException("lab.properties is missing from the vbench jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String get(String key) {
        String value = FACTS.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("lab.properties has no value for " + key);
        }
        return value.strip();
    }

    /** @return the network namespace of the local lab, e.g. {@code vbench} */
    public static String namespace() {
        return get("namespace");
    }

    /** @return the local lab's libvirt network */
    public static String network() {
        return get("network");
    }

    /** @return the size of the lab image's data disk in bytes */
    public static long dataDiskBytes() {
        return Long.parseLong(get("data_disk_mib")) << 20;
    }

    /** @return the user the lab's QEMU runs as (Debian's libvirt default), who must open an NBD disk's socket */
    public static String qemuUser() {
        return get("qemu_user");
    }

    /** @return the Linux driver the guest binds to a disk on {@code bus} */
    public static String driver(DiskBus bus) {
        return get("driver.disk." + bus.planName());
    }

    /** @return the Linux driver the guest binds to a NIC of {@code model} */
    public static String driver(NicModel model) {
        return get("driver.nic." + model.planName());
    }
}
