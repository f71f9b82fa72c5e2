package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.VolumeNames;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of an image in the host's pool (volume {@code img-HASH-manifest}): which file plays which role and
 * how big it is. Written after every file has been uploaded and checked, so its presence means the image is
 * complete. Text, one line per file after a header:
 * <pre>
 * vbench-image-manifest 1 HASH
 * disk disk.qcow2 792526848
 * </pre>
 * Pure.
 *
 * @param hash  the recipe hash
 * @param files the files by role
 */
record ImageManifest(String hash, Map<HostImage.Role, Entry> files) {
    static final String HEADER = "vbench-image-manifest 1 ";

    /** One file: its name in the image directory and its size. */
    record Entry(String file, long sizeBytes) {
    }

    ImageManifest {
        VolumeNames.requireHash(hash);
        files = Map.copyOf(new EnumMap<>(files));
        for (HostImage.Role r : HostImage.Role.REQUIRED) {
            if (!files.containsKey(r)) {
                throw new IllegalArgumentException("the image has no " + r.key() + " file");
            }
        }
    }

    String format() {
        StringBuilder b = new StringBuilder(HEADER).append(hash).append('\n');
        new EnumMap<>(files).forEach((role, e) -> b.append(role.key()).append(' ').append(e.file()).append(' ')
                .append(e.sizeBytes()).append('\n'));
        return b.toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not a manifest of image {@code hash}
     */
    static ImageManifest parse(String hash, String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + hash)) {
            throw new IllegalArgumentException("not the manifest of image " + hash);
        }
        Map<HostImage.Role, Entry> files = new EnumMap<>(HostImage.Role.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            if (f.length != 3 || !VolumeNames.FILE.matcher(f[1]).matches()) {
                throw new IllegalArgumentException("malformed manifest line '" + line + "'");
            }
            files.put(HostImage.Role.ofKey(f[0]), new Entry(f[1], Long.parseLong(f[2])));
        }
        return new ImageManifest(hash, files);
    }
}
