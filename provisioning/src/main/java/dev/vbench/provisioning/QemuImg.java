package dev.vbench.provisioning;

import java.util.List;

/** Command lines of {@code qemu-img}, as data. */
public final class QemuImg {
    /** The program; resolved through {@code PATH}. */
    public static final String PROGRAM = "qemu-img";

    private QemuImg() {
    }

    /** {@code qemu-img create -f qcow2 -b BACKING -F FORMAT PATH}: a thin overlay, same virtual size as its base. */
    public static List<String> createOverlay(Overlay overlay) {
        return List.of(PROGRAM, "create", "-q", "-f", "qcow2", "-b", overlay.backing().toString(),
                "-F", overlay.backingFormat(), overlay.path().toString());
    }

    /** {@code qemu-img info --output=json PATH}: format, virtual size and backing file of an image. */
    public static List<String> info(java.nio.file.Path image) {
        return List.of(PROGRAM, "info", "--output=json", image.toString());
    }

    /**
     * {@code qemu-img info --output=json -U -f FORMAT PATH}: one image read as {@code format} (never probed), its
     * own backing file and data file named but not opened ({@code --backing-chain} would open, or connect to, each
     * backing file before vbench could check it), also while a running guest holds it ({@code -U}).
     */
    public static List<String> inspect(java.nio.file.Path image, String format) {
        return List.of(PROGRAM, "info", "--output=json", "-U", "-f", format, image.toString());
    }
}
