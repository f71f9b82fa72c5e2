package dev.vbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Image directories for tests: an image.json as scripts/lib/image.sh writes it. */
public final class TestImages {
    private TestImages() {
    }

    /**
     * Writes {@code dir/image.json} naming the lab image's usual files (a preview needs no more).
     *
     * @param dir the image directory, created if needed
     * @return {@code dir}
     */
    public static Path imageJson(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(ImageLayout.FILE), """
                {"format_version": 2, "recipe_hash": "0123456789abcdef", "guest_kernel": "6.1.0-test-amd64",
                 "data_size_bytes": 2147483648, "cmdline": "ignored", "files": {"cmdline": "cmdline", "data": "data.raw",
                 "disk": "disk.qcow2", "host_key": "host_key.pub", "initrd": "initrd.img", "kernel": "vmlinuz"}}
                """);
        return dir;
    }

    /**
     * Gives every file in {@code dir} mode 0640, as {@code scripts/lib/image.sh} does (the lab refuses an image
     * that others can read).
     *
     * @param dir an image directory
     * @return {@code dir}
     */
    public static Path restrictModes(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
            }
        }
        return dir;
    }
}
