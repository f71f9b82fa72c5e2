package dev.vbench.bench.image;

import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.HostCommand;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.QemuImg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backing chain of a supplied disk image, checked link by link before QEMU opens any of it: every qcow2
 * member is read with {@code qemu-img info} as qcow2, its backing file must be a local file (no protocol such as
 * {@code json:}, {@code nbd:} or {@code http:}), in a stated format that is qcow2 or raw, and pass the same
 * {@link ImageRoots} check as the disk itself; an external data file is refused. Only then is the next member
 * read, so qemu-img never opens a file, nor connects anywhere, that vbench has not checked.
 */
public final class BackingChain {
    /** Longer chains are refused (QEMU's own limit is higher; an image for vbench needs one or two). */
    static final int MAX_MEMBERS = 16;
    private static final Set<String> FORMATS = Set.of("qcow2", "raw");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Reads one image, as {@code format}, with its backing file named but not opened. */
    @FunctionalInterface
    public interface Inspector {
        HostCommand.Output inspect(Path image, String format);
    }

    /** The local {@code qemu-img info} ({@link QemuImg#inspect}). */
    public static final Inspector QEMU_IMG = (image, format) -> {
        try {
            return HostCommand.capture(QemuImg.inspect(image, format), TIMEOUT);
        } catch (ProvisioningException e) {
            throw new ProvisioningException(e.operation(), e.detail() + "; vbench reads a supplied qcow2 image with"
                    + " qemu-img: install it (apt-get install qemu-utils)", e);
        }
    };

    private BackingChain() {
    }

    /**
     * @param key       the plan key, for messages ({@code image.disk})
     * @param disk      the disk, already checked by {@code roots}
     * @param format    the format QEMU will be told it has ({@code qcow2} or {@code raw})
     * @param roots     where its members may lie
     * @param inspector reads one member
     * @return the members: {@code disk} first, then each backing file (real paths)
     * @throws RunInputException when a member is refused (exit 2)
     */
    public static List<Path> check(String key, Path disk, String format, ImageRoots roots, Inspector inspector) {
        List<Path> chain = new ArrayList<>(List.of(disk));
        Path file = disk;
        String fmt = format;
        while (fmt.equals("qcow2")) {
            QemuImgInfo info = inspect(key, file, fmt, inspector);
            if (info.dataFile() != null) {
                throw ImageRoots.refused(key, file, "keeps its data in the external file " + Shown.of(info.dataFile())
                        + ", which vbench does not follow; convert it to a self-contained image: qemu-img convert -O"
                        + " qcow2 " + file + " NEW.qcow2");
            }
            String name = info.backingFilename();
            if (name == null) {
                break;
            }
            String backingFormat = backingFormat(key, file, name, info.backingFormat());
            Path next = file.getParent().resolve(name);
            String member = key + " (backing file of " + file + ")";
            next = roots.check(member, next, "restore it, or rebase " + file + " onto another base");
            if (chain.contains(next)) {
                throw ImageRoots.refused(key, file, "has a backing chain that loops back to " + next
                        + "; rebase it onto a base image without a backing file");
            }
            chain.add(next);
            if (chain.size() > MAX_MEMBERS) {
                throw ImageRoots.refused(key, disk, "has a backing chain of more than " + MAX_MEMBERS
                        + " images; flatten it: qemu-img convert -O qcow2 " + disk + " NEW.qcow2");
            }
            file = next;
            fmt = backingFormat;
        }
        return chain;
    }

    private static QemuImgInfo inspect(String key, Path file, String format, Inspector inspector) {
        HostCommand.Output out = inspector.inspect(file, format);
        if (out.exit() != 0) {
            throw ImageRoots.refused(key, file, "cannot be read as " + format + " (qemu-img: " + Shown.of(
                    out.errorTail()) + "); give a " + format + " image" + (format.equals("qcow2")
                    ? ", or name a raw image *.raw" : ""));
        }
        QemuImgInfo info = QemuImgInfo.parse(out.stdout());
        if (!FORMATS.contains(info.format()) || !info.format().equals(format)) {
            throw ImageRoots.refused(key, file, "is read as " + Shown.of(info.format()) + ", not " + format
                    + "; vbench takes qcow2 or raw images");
        }
        return info;
    }

    /** The checked format of a backing file, after its name: a local path without {@code ..}. */
    private static String backingFormat(String key, Path file, String name, String format) {
        String protocol = protocol(name);
        String fixRebase = "; rebase it onto a local qcow2 or raw file under an allowed directory: qemu-img rebase"
                + " -b BASE -F qcow2 " + file;
        if (protocol != null) {
            throw ImageRoots.refused(key, file, "has the backing file '" + Shown.of(name) + "', which uses the"
                    + " protocol '" + Shown.of(protocol) + ":'; only local files are allowed" + fixRebase);
        }
        if (List.of(name.split("/")).contains("..") || name.indexOf('\0') >= 0) {
            throw ImageRoots.refused(key, file, "names its backing file '" + Shown.of(name) + "' through '..'"
                    + " or with a NUL character" + fixRebase);
        }
        if (format == null) {
            throw ImageRoots.refused(key, file, "names its backing file " + Shown.of(name) + " without its format"
                    + " (QEMU would guess it); state it: qemu-img rebase -u -b " + Shown.of(name) + " -F qcow2 "
                    + file + " (or -F raw)");
        }
        if (!FORMATS.contains(format)) {
            throw ImageRoots.refused(key, file, "has a backing file in format '" + Shown.of(format)
                    + "'; vbench takes qcow2 or raw" + fixRebase);
        }
        return format;
    }

    /**
     * The protocol prefix QEMU sees in a file name ({@code json}, {@code nbd}, {@code http}, {@code file}...), or
     * {@code null}: as QEMU's {@code path_has_protocol}, a colon before the first slash.
     */
    static String protocol(String name) {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/');
        return colon >= 0 && (slash < 0 || colon < slash) ? name.substring(0, colon) : null;
    }
}
