package dev.vbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
