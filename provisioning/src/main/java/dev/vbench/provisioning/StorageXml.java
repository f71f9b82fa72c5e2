package dev.vbench.provisioning;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The libvirt storage definitions vbench writes (its directory pool, image volumes, thin overlays) and the two facts
 * it reads back from libvirt's descriptions (a pool's directory, a volume's size in bytes). Pure.
 */
public final class StorageXml {
    private StorageXml() {
    }

    /** {@code <pool type='dir'>} named {@code name} on directory {@code targetPath} (mode 0711: only root lists it). */
    public static String dirPool(String name, String targetPath) {
        requireAbsolutePath(targetPath, "pool directory");
        XmlWriter w = new XmlWriter();
        w.start("pool", "type", "dir");
        w.text("name", name);
        w.start("target");
        w.text("path", targetPath);
        w.start("permissions");
        w.text("mode", "0711");
        w.end();
        w.end();
        w.end();
        return w.finish();
    }

    /**
     * A volume of {@code capacityBytes} bytes whose content is uploaded as it is (format {@code raw}: libvirt does
     * not interpret the bytes; a qcow2 uploaded into it stays a qcow2 file), sparse: nothing allocated ahead.
     */
    public static String uploadVolume(String name, long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacityBytes);
        }
        XmlWriter w = new XmlWriter();
        w.start("volume", "type", "file");
        w.text("name", name);
        w.text("capacity", Long.toString(capacityBytes), "unit", "bytes");
        w.text("allocation", "0", "unit", "bytes");
        w.start("target");
        w.empty("format", "type", "raw");
        w.end();
        w.end();
        return w.finish();
    }

    /**
     * A thin qcow2 overlay over the host file {@code backingPath} (format {@code backingFormat}, stated as current
     * QEMU requires); no capacity: libvirt takes the backing file's virtual size.
     */
    public static String overlayVolume(String name, String backingPath, String backingFormat) {
        requireAbsolutePath(backingPath, "backing file");
        if (!backingFormat.equals("qcow2") && !backingFormat.equals("raw")) {
            throw new IllegalArgumentException("backing format must be qcow2 or raw, not '" + backingFormat + "'");
        }
        XmlWriter w = new XmlWriter();
        w.start("volume", "type", "file");
        w.text("name", name);
        w.start("target");
        w.empty("format", "type", "qcow2");
        w.end();
        w.start("backingStore");
        w.text("path", backingPath);
        w.empty("format", "type", backingFormat);
        w.end();
        w.end();
        return w.finish();
    }

    /** The {@code <target><path>} of a pool or volume description, or empty. */
    public static Optional<String> targetPath(String xml) {
        return child(parse(xml), "target").flatMap(t -> child(t, "path")).map(e -> e.getTextContent().strip());
    }

    /**
     * The file size of a volume in bytes: {@code <physical>} (libvirt 3.0 and later), else {@code <capacity>}
     * (for a raw file the same), converted to bytes; empty when neither is there.
     *
     * @throws IllegalArgumentException when the text is not XML or the number is not one
     */
    public static Optional<Long> fileBytes(String volumeXml) {
        Element root = parse(volumeXml);
        Optional<Element> size = child(root, "physical").or(() -> child(root, "capacity"));
        return size.map(e -> bytes(e.getTextContent().strip(), e.getAttribute("unit")));
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        long factor = switch (unit) {
            case "", "bytes", "B", "b" -> 1L;
            case "KiB", "K", "k" -> 1L << 10;
            case "MiB", "M", "m" -> 1L << 20;
            case "GiB", "G", "g" -> 1L << 30;
            default -> throw new IllegalArgumentException("unknown size unit '" + unit + "'");
        };
        return Math.multiplyExact(n, factor);
    }

    private static Optional<Element> child(Element parent, String name) {
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Element parse(String xml) {
        return XmlDocuments.parse(xml, false, "libvirt storage XML").getDocumentElement();
    }

    private static void requireAbsolutePath(String path, String what) {
        Objects.requireNonNull(path, what);
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException(what + " must be an absolute path without '..', not '" + path + "'");
        }
    }
}
