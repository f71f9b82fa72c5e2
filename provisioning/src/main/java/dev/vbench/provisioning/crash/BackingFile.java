package dev.vbench.provisioning.crash;

import dev.vbench.provisioning.HostCommand;
import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

/**
 * The host side of the crash model's data disk: the raw file nbdkit serves ({@link NbdServerSpec#file()}), made
 * before a trial and read after it with host tools only.
 */
public final class BackingFile {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private BackingFile() {
    }

    /**
     * Creates {@code file} as a sparse file of {@code bytes} zero bytes (a new file only: an existing one may not be
     * vbench's).
     *
     * @throws ProvisioningException when the file exists or cannot be written
     */
    public static void createSparse(Path file, long bytes) {
        Objects.requireNonNull(file, "file");
        if (bytes <= 0 || bytes % 512 != 0) {
            throw new IllegalArgumentException("a disk's size must be a positive multiple of 512 bytes, not " + bytes);
        }
        try {
            try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                // one zero byte at the end: the file system leaves everything before it a hole
                ch.position(bytes - 1).write(ByteBuffer.allocate(1));
            }
        } catch (IOException e) {
            throw new ProvisioningException("create backing file " + file, e.toString(), e);
        }
    }

    /** {@link #createSparse} then {@code mkfs.ext4 -q -F} over the whole file. */
    public static void createExt4(Path file, long bytes) {
        createSparse(file, bytes);
        HostCommand.run(Ext4Commands.mkfs(file), TIMEOUT);
    }

    /**
     * {@code e2fsck -fn} of the file system in {@code file}; changes nothing.
     *
     * @throws ProvisioningException when the file is missing or e2fsck fails itself (rather than judging)
     */
    public static FsckReport fsck(Path file) {
        requireFile(file, "check file system");
        HostCommand.Output out = HostCommand.capture(Ext4Commands.fsck(file), TIMEOUT);
        try {
            return FsckReport.of(out.exit(), out.stdout() + out.stderr());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException("check file system in " + file, e.getMessage(), e);
        }
    }

    /**
     * Copies file {@code path} of the ext4 image {@code image} to the new host file {@code out} with
     * {@code debugfs dump -p}.
     *
     * @throws ProvisioningException when {@code out} exists already, or debugfs wrote nothing (no such file in the
     *                               image, or no readable file system); the message carries debugfs's output
     */
    public static void extract(Path image, String path, Path out) {
        String op = "extract " + path + " from " + image;
        requireFile(image, op);
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException(op, out + " exists already; not overwriting it");
        }
        HostCommand.Output r = HostCommand.capture(Ext4Commands.dump(image, path, out), TIMEOUT);
        // debugfs exits 0 also when the file is missing or the image has no file system: the output file decides
        if (r.exit() != 0 || !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException(op, "debugfs exit status " + r.exit() + ": " + r.errorTail());
        }
    }

    private static void requireFile(Path file, String op) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException(op, file + " is not a regular file");
        }
    }
}
