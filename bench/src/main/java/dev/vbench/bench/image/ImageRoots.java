package dev.vbench.bench.image;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directories image files may lie in: {@code VBENCH_HOME/images}, and the directories the user allowed on the
 * command line ({@code --allow-images DIR}, never a plan key: a plan must not widen what vbench, running as root,
 * hands to a guest). An image file must be a regular file with one name, reached from one of these directories
 * without passing a symbolic link.
 *
 * @param dirs the allowed directories, absolute and normalised; the first is the lab's
 */
public record ImageRoots(List<Path> dirs) {
    private static final int S_IFMT = 0170000;

    public ImageRoots {
        dirs = dirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no image directory");
        }
    }

    /** {@code lab}'s image directory and {@code allowed} (may be empty). */
    public static ImageRoots of(LabHome lab, List<Path> allowed) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(lab.images());
        dirs.addAll(allowed == null ? List.of() : allowed);
        return new ImageRoots(dirs);
    }

    /**
     * Checks one image file.
     *
     * @param key  what the file is, for the message: {@code image.disk}, {@code image.kernel}, ...
     * @param file the file
     * @param need the fix when the file does not exist
     * @return the file's real path (equal to {@code file} but for links above an allowed directory)
     * @throws RunInputException     when it is a link, not a regular file, outside the allowed directories,
     *                               reached through a link, or has more than one name (exit 2)
     * @throws ProvisioningException when it does not exist (exit 3)
     */
    public Path check(String key, Path file, String need) {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new ProvisioningException("find image file " + abs, "it does not exist; " + need);
        } catch (IOException e) {
            throw new ProvisioningException("find image file " + abs, e.getMessage() + "; " + need, e);
        }
        if (attrs.isSymbolicLink()) {
            throw refused(key, abs, "is a symbolic link (to " + target(abs) + "); vbench follows no link to an image"
                    + " file: put the file itself there");
        }
        if (!attrs.isRegularFile()) {
            throw refused(key, abs, "is " + kind(abs) + ", not a regular file; give an image file");
        }
        Path real = contained(key, abs);
        int links = attribute(abs, "unix:nlink");
        if (links > 1) {
            throw refused(key, abs, "has " + links + " names (hard links), and another may lie outside the allowed"
                    + " directories; use a copy of it");
        }
        return real;
    }

    /** The real path of {@code abs}, when it lies under an allowed directory and no link lies on its way. */
    private Path contained(String key, Path abs) {
        Path link = null;
        Path real = realPath(abs).orElse(abs);
        for (Path dir : dirs) {
            Optional<Path> realDir = realPath(dir);
            if (realDir.isEmpty()) {
                continue;
            }
            Path base = abs.startsWith(dir) ? dir : abs.startsWith(realDir.get()) ? realDir.get() : null;
            if (base == null) {
                continue;
            }
            Path rel = base.relativize(abs);
            if (real.equals(realDir.get().resolve(rel))) {
                return real;
            }
            link = link != null ? link : firstLink(base, rel);
        }
        if (link != null) {
            throw refused(key, abs, "is reached through the symbolic link " + link + "; give the path without links, "
                    + real + (within(real) ? "" : ", and " + fix(real)));
        }
        throw refused(key, abs, "lies outside " + String.join(" and ", dirs.stream().map(Path::toString).toList())
                + "; " + fix(abs));
    }

    private boolean within(Path real) {
        return dirs.stream().map(ImageRoots::realPath).flatMap(Optional::stream).anyMatch(real::startsWith);
    }

    private String fix(Path abs) {
        return "move it under " + dirs.get(0) + " or allow its directory with --allow-images " + abs.getParent();
    }

    private static Path firstLink(Path base, Path rel) {
        Path p = base;
        for (Path part : rel) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return p;
            }
        }
        return base.resolve(rel);
    }

    private static Optional<Path> realPath(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String target(Path link) {
        try {
            return Shown.of(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return "?";
        }
    }

    /** What a file that is not regular is: a directory, a FIFO, a device... */
    private static String kind(Path p) {
        return switch (attribute(p, "unix:mode") & S_IFMT) {
            case 0040000 -> "a directory";
            case 0010000 -> "a FIFO";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    private static int attribute(Path p, String name) {
        try {
            return (Integer) Files.getAttribute(p, name, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ProvisioningException("inspect image file " + p, String.valueOf(e.getMessage()), e);
        }
    }

    /** An image file refused: exit 2, one line naming the plan key, the path, the reason and the fix. */
    static RunInputException refused(String key, Path file, String reasonAndFix) {
        return new RunInputException(key + ": " + Shown.of(file.toString()) + " " + reasonAndFix);
    }
}
