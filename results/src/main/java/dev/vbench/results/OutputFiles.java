package dev.vbench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file vbench writes goes through here, and none of these follows a symbolic link: vbench runs as root, so a
 * link planted in an output directory ({@code raw -> /etc}, {@code summary.json -> /etc/passwd}) must not redirect
 * a write. Directories are created one component at a time and an existing component must be a real directory;
 * files are opened with {@link LinkOption#NOFOLLOW_LINKS} ({@code O_NOFOLLOW}), replaced through a new temporary
 * file and a rename (which replaces a directory entry, never writes through it).
 */
public final class OutputFiles {
    private static final OpenOption[] NEW = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS};
    private static final OpenOption[] APPEND = {StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};

    private OutputFiles() {
    }

    /** A write vbench refuses because a path is a symbolic link or not what it must be. */
    public static final class UnsafePathException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        UnsafePathException(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

    /**
     * Makes sure {@code dir} is a directory, creating it (and missing parents) when needed. The directory itself and
     * what this creates are never links; an existing {@code dir} must be a real directory.
     *
     * @return {@code dir}
     * @throws IOException when it cannot be created, or it exists as a link or a file
     */
    public static Path directory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new UnsafePathException(dir, "is a symbolic link; vbench writes only into real directories");
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (Files.isSymbolicLink(dir)) {
                throw new UnsafePathException(dir, "is a symbolic link; vbench writes only into real directories");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
            }
        }
        return dir;
    }

    /**
     * Makes sure {@code root/relative} is a directory, every component below {@code root} a real directory (created
     * when missing, refused when a link or a file).
     *
     * @return the directory
     */
    public static Path subdirectory(Path root, String relative) throws IOException {
        Path dir = root;
        for (Path part : Path.of(relative)) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                throw new UnsafePathException(root.resolve(relative), "is not a plain path below " + root);
            }
            dir = directory(dir.resolve(part));
        }
        return dir;
    }

    /** Writes a file that must not exist yet (not even as a dangling link). */
    public static void writeNew(Path file, String content) throws IOException {
        writeNew(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file that must not exist yet (not even as a dangling link). */
    public static void writeNew(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, NEW)) {
            out.write(content);
        } catch (FileAlreadyExistsException e) {
            throw new UnsafePathException(file, Files.isSymbolicLink(file) ? "is a symbolic link; vbench does not "
                    + "write through links" : "exists already; vbench does not overwrite it");
        }
    }

    /**
     * Writes {@code file} whole, replacing an earlier version of it: the content goes to a new temporary file beside
     * it, which is then renamed over it. An existing link or directory in its place is refused, not replaced.
     */
    public static void replace(Path file, String content) throws IOException {
        replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #replace(Path, String)} for bytes. */
    public static void replace(Path file, byte[] content) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(file, Files.isSymbolicLink(file)
                    ? "is a symbolic link; vbench does not write through links" : "is not a regular file");
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            writeNew(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Appends to {@code file}, creating it when missing; a link in its place is refused. */
    public static void append(Path file, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, APPEND)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw new UnsafePathException(file, "is a symbolic link; vbench does not write through links");
            }
            throw e;
        }
    }

    /** What went wrong with a file, in words, without the path (Java's file exceptions often carry only the path). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getClass().getSimpleName();
            return why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
