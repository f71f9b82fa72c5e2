package dev.vbench.provisioning.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Host-side command lines (e2fsprogs) for the ext4 target of the durability workload: they read the backing file
 * after a crash, never the crashed guest's own account of it.
 */
public final class Ext4Commands {
    /** Paths inside the image that {@link #dump} takes: absolute, a safe alphabet (debugfs parses its own quoting). */
    public static final Pattern IMAGE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Pattern HOST_PATH = Pattern.compile("(/[A-Za-z0-9._+-]+)+");

    private Ext4Commands() {
    }

    /** {@code mkfs.ext4 -q -F FILE}: an ext4 file system over the whole (regular) file. */
    public static List<String> mkfs(Path file) {
        return List.of("mkfs.ext4", "-q", "-F", file.toString());
    }

    /** {@code e2fsck -fn FILE}: a forced check that changes nothing (answers "no" to every repair). */
    public static List<String> fsck(Path file) {
        return List.of("e2fsck", "-fn", file.toString());
    }

    /**
     * {@code debugfs -R 'dump -p /PATH OUT' FILE}: copies file {@code path} of the image to the host file {@code out},
     * keeping its permissions ({@code -p}).
     *
     * @throws IllegalArgumentException when a path is outside the alphabets debugfs's request parser reads verbatim
     */
    public static List<String> dump(Path image, String path, Path out) {
        if (!IMAGE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path in the image '" + path + "' must match " + IMAGE_PATH.pattern());
        }
        if (!HOST_PATH.matcher(out.toString()).matches()) {
            throw new IllegalArgumentException("output file '" + out + "' must be absolute and match "
                    + HOST_PATH.pattern());
        }
        return List.of("debugfs", "-R", "dump -p " + path + " " + out, image.toString());
    }
}
