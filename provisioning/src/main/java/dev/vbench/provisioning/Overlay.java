package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thin qcow2 overlay to create: {@code path} records only the guest's writes, reads fall through to
 * {@code backing} (format {@code backingFormat}, which current QEMU requires to be stated).
 *
 * @param path          absolute path of the overlay file to create
 * @param backing       absolute path of the read-only base file
 * @param backingFormat {@code qcow2} or {@code raw}
 */
public record Overlay(Path path, Path backing, String backingFormat) {
    /** File name of the data disk's base next to the image's root disk. */
    public static final String DATA_BASE_FILE = "data.raw";
    /** An image volume's name in a host's pool, {@code img-HASH-FILE}; group 1 is {@code img-HASH-}. */
    private static final Pattern IMAGE_VOLUME = Pattern.compile("(img-[0-9a-f]{6,64}-).+");

    public Overlay {
        DomainSpec.requireAbsolute(path, "overlay path");
        DomainSpec.requireAbsolute(backing, "overlay backing file");
        Objects.requireNonNull(backingFormat, "backingFormat");
        if (!backingFormat.equals("qcow2") && !backingFormat.equals("raw")) {
            throw new IllegalArgumentException("backing format must be qcow2 or raw, not '" + backingFormat + "'");
        }
        if (path.normalize().equals(backing.normalize())) {
            throw new IllegalArgumentException("an overlay cannot be its own backing file: " + path);
        }
    }

    /**
     * Root disk overlay over {@code image.disk()}; the format follows the file name ({@code .qcow2} or
     * {@code .raw}).
     */
    public static Overlay root(ImageSpec image, Path path) {
        return new Overlay(path, image.disk(), formatOf(image.disk()));
    }

    /**
     * Data disk overlay over the data disk's base beside {@code image.disk()}: {@code data.raw} in an image
     * directory, {@code img-HASH-data.raw} beside an image volume {@code img-HASH-...} of a host's pool.
     */
    public static Overlay data(ImageSpec image, Path path) {
        Path disk = image.disk().toAbsolutePath();
        return new Overlay(path, disk.resolveSibling(dataBaseBeside(disk.getFileName().toString())), "raw");
    }

    /** The file name of the data disk's base beside root disk file {@code diskFile}; see {@link #data}. */
    public static String dataBaseBeside(String diskFile) {
        Matcher m = IMAGE_VOLUME.matcher(diskFile);
        return m.matches() ? m.group(1) + DATA_BASE_FILE : DATA_BASE_FILE;
    }

    /** Image format from a file name: {@code *.qcow2} is qcow2, {@code *.raw} and {@code *.img} are raw. */
    public static String formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".qcow2")) {
            return "qcow2";
        }
        if (n.endsWith(".raw") || n.endsWith(".img")) {
            return "raw";
        }
        throw new IllegalArgumentException("cannot tell the format of image '" + file
                + "' from its name: name it *.qcow2 or *.raw");
    }
}
