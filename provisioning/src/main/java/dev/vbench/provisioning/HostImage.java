package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A guest image kept as volumes in vbench's storage pool on a libvirt host ({@link Provisioner#pushImage}), found
 * there again by its recipe hash alone ({@link Provisioner#findImage}): paths are the host's, the small text files
 * (kernel command line, the guest's SSH host key, image.json) have been read back through libvirt.
 *
 * @param hash        the recipe hash (the image directory's name under {@code VBENCH_HOME/images})
 * @param files       the image's volumes by role; {@link Role#DISK}, {@link Role#DATA}, {@link Role#HOST_KEY} and
 *                    {@link Role#DESCRIPTION} are always there
 * @param cmdline     the kernel command line, or {@code null}
 * @param hostKey     the guest's SSH host public key line
 * @param description the text of image.json
 */
public record HostImage(String hash, Map<Role, File> files, String cmdline, String hostKey, String description) {
    /** The roles of an image's files, named as image.json's {@code files} names them. */
    public enum Role {
        DISK("disk"), KERNEL("kernel"), INITRD("initrd"), CMDLINE("cmdline"), HOST_KEY("host_key"), DATA("data"),
        /** image.json itself. */
        DESCRIPTION("description");

        /** The roles every host image has. */
        public static final List<Role> REQUIRED = List.of(DISK, DATA, HOST_KEY, DESCRIPTION);

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** The key in image.json's {@code files} (and in the manifest). */
        public String key() {
            return key;
        }

        /** The role of {@code key}. */
        public static Role ofKey(String key) {
            for (Role r : values()) {
                if (r.key.equals(key)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown image file role '" + key + "'");
        }
    }

    /**
     * One file of the image on the host.
     *
     * @param name      the file's name in the image directory, e.g. {@code disk.qcow2}
     * @param volume    the volume's name, {@code img-HASH-NAME}
     * @param path      the volume's path on the host
     * @param sizeBytes the file's size in bytes
     */
    public record File(String name, String volume, Path path, long sizeBytes) {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(volume, "volume");
            DomainSpec.requireAbsolute(path, "volume path");
        }
    }

    public HostImage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hostKey, "hostKey");
        files = Map.copyOf(new EnumMap<>(files));
        for (Role r : Role.REQUIRED) {
            if (!files.containsKey(r)) {
                throw new IllegalArgumentException("host image " + hash + " has no " + r.key() + " file");
            }
        }
        if (files.containsKey(Role.INITRD) && !files.containsKey(Role.KERNEL)) {
            throw new IllegalArgumentException("host image " + hash + " has an initrd but no kernel");
        }
    }

    /** The root disk's volume. */
    public File disk() {
        return files.get(Role.DISK);
    }

    /** The data disk's base volume. */
    public File data() {
        return files.get(Role.DATA);
    }

    /** The image to boot, with the host's paths (what {@link DomainXml} puts into a definition). */
    public ImageSpec toImageSpec() {
        File kernel = files.get(Role.KERNEL);
        File initrd = files.get(Role.INITRD);
        return new ImageSpec(disk().path(), kernel == null ? null : kernel.path(),
                initrd == null ? null : initrd.path(), cmdline == null || cmdline.isBlank() ? null : cmdline.strip(),
                hostKey.strip());
    }
}
