package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

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

    /** Data disk overlay over {@code data.raw} in the directory of {@code image.disk()}. */
    public static Overlay data(ImageSpec image, Path path) {
        Path parent = image.disk().toAbsolutePath().getParent();
        return new Overlay(path, parent.resolve(DATA_BASE_FILE), "raw");
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
