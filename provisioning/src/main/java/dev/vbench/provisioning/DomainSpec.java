package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one libvirt domain needs; {@link DomainXml#render(DomainSpec)} turns it into a definition.
 *
 * @param name        libvirt domain name, see {@link #domainName(String, String)}
 * @param accel       resolved accelerator, {@link Accel#KVM} or {@link Accel#TCG} (never {@code AUTO})
 * @param guest       vCPUs and memory
 * @param variant     the devices under test (data disk bus/cache/io, NIC model)
 * @param rootOverlay absolute path of the thin qcow2 overlay over the image's root disk
 * @param dataOverlay absolute path of the thin qcow2 overlay over the image's data disk (the disk under test)
 * @param image       the base image; with a kernel the guest boots it directly, otherwise from the root disk
 * @param network     where the NIC is plugged
 * @param mac         the NIC's MAC address, normally {@link MacAddress#forName(String)} of {@code name}
 * @param tag         run id, variant name and owner, written into the domain's metadata for cleanup
 * @param consoleLog  absolute path of a file that receives the serial console, or {@code null} for none
 * @param dataNbdSocket absolute path of the unix socket of an NBD server (see {@code NbdServer}) that serves the data
 *                    disk instead of {@code dataOverlay} (the host-crash model), or {@code null}: the data disk is the
 *                    overlay file
 */
public record DomainSpec(String name, Accel accel, GuestSpec guest, Variant variant, Path rootOverlay,
                         Path dataOverlay, ImageSpec image, NetworkSpec network, MacAddress mac, RunTag tag,
                         Path consoleLog, Path dataNbdSocket) {
    /** Domain names: a safe alphabet, no path separators (names end up in file names on the host). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Prefix of the domain names vbench generates. */
    public static final String NAME_PREFIX = "vbench-";

    public DomainSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(tag, "tag");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("domain name '" + name + "' must match " + NAME.pattern());
        }
        if (accel == Accel.AUTO) {
            throw new IllegalArgumentException("accel auto must be resolved (AccelResolver) before building a domain");
        }
        requireAbsolute(rootOverlay, "root overlay");
        requireAbsolute(dataOverlay, "data overlay");
        requireAbsolute(image.disk(), "image.disk");
        if (image.kernel() != null) {
            requireAbsolute(image.kernel(), "image.kernel");
        }
        if (image.initrd() != null) {
            requireAbsolute(image.initrd(), "image.initrd");
        }
        if (consoleLog != null) {
            requireAbsolute(consoleLog, "console log");
        }
        if (dataNbdSocket != null) {
            requireAbsolute(dataNbdSocket, "data disk NBD socket");
        }
        if (rootOverlay.equals(dataOverlay)) {
            throw new IllegalArgumentException("root and data overlay must be different files, both are "
                    + rootOverlay);
        }
        if (!tag.variant().equals(variant.name())) {
            throw new IllegalArgumentException("metadata variant '" + tag.variant() + "' differs from variant '"
                    + variant.name() + "'");
        }
    }

    /**
     * The usual spec of one variant of a run: name {@code vbench-RUN-VARIANT}, MAC derived from that name, overlays
     * {@code NAME-root.qcow2} and {@code NAME-data.qcow2} and console log {@code NAME-console.log} in {@code workDir}.
     *
     * @param owner the harness's home and host for the run tag; {@code null} only for a preview that is rendered with
     *              {@link DomainXml#renderEmitted} and never defined
     * @param network the plan's network; the variant's own network, when it has one, takes its place
     */
    public static DomainSpec forVariant(String runId, RunOwner owner, Variant variant, Accel accel, GuestSpec guest,
                                        ImageSpec image, NetworkSpec network, Path workDir) {
        Objects.requireNonNull(workDir, "workDir");
        String name = domainName(runId, variant.name());
        Path dir = workDir.toAbsolutePath().normalize();
        return new DomainSpec(name, accel, guest, variant, dir.resolve(name + "-root.qcow2"),
                dir.resolve(name + "-data.qcow2"), image, variant.networkOr(network), MacAddress.forName(name),
                new RunTag(runId, variant.name(), owner), dir.resolve(name + "-console.log"));
    }

    /** A spec whose data disk is the overlay file {@code dataOverlay} (no NBD socket). */
    public DomainSpec(String name, Accel accel, GuestSpec guest, Variant variant, Path rootOverlay, Path dataOverlay,
                      ImageSpec image, NetworkSpec network, MacAddress mac, RunTag tag, Path consoleLog) {
        this(name, accel, guest, variant, rootOverlay, dataOverlay, image, network, mac, tag, consoleLog, null);
    }

    /** {@code vbench-RUN-VARIANT}. */
    public static String domainName(String runId, String variantName) {
        return NAME_PREFIX + runId + "-" + variantName;
    }

    /**
     * The same domain with another MAC. A variant booted again under the same name (a resumed run) needs a new
     * MAC: dnsmasq keeps the lease of the old one for an hour, and libvirt would report that stale address.
     */
    public DomainSpec withMac(MacAddress other) {
        return new DomainSpec(name, accel, guest, variant, rootOverlay, dataOverlay, image, network, other, tag,
                consoleLog, dataNbdSocket);
    }

    /** The same domain on other overlay files (e.g. volumes of a remote host's pool). */
    public DomainSpec withOverlays(Path root, Path data) {
        return new DomainSpec(name, accel, guest, variant, root, data, image, network, mac, tag, consoleLog,
                dataNbdSocket);
    }

    /** The same spec with another console log file ({@code null}: none). */
    public DomainSpec withConsoleLog(Path file) {
        return new DomainSpec(name, accel, guest, variant, rootOverlay, dataOverlay, image, network, mac, tag, file,
                dataNbdSocket);
    }

    /**
     * The same domain with its data disk served over NBD from the unix socket {@code socket} ({@code null}: from the
     * data overlay file again). The overlay path stays in the spec but no overlay is used for the data disk.
     */
    public DomainSpec withDataNbdSocket(Path socket) {
        return new DomainSpec(name, accel, guest, variant, rootOverlay, dataOverlay, image, network, mac, tag,
                consoleLog, socket);
    }

    /** The root overlay's value: a thin qcow2 over {@code image.disk()}. */
    public Overlay rootOverlaySpec() {
        return Overlay.root(image, rootOverlay);
    }

    /** The data overlay's value: a thin qcow2 over {@code data.raw} next to {@code image.disk()}. */
    public Overlay dataOverlaySpec() {
        return Overlay.data(image, dataOverlay);
    }

    static void requireAbsolute(Path p, String what) {
        Objects.requireNonNull(p, what);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException(what + " must be an absolute path (libvirt resolves paths on the host"
                    + " running QEMU), not '" + p + "'");
        }
    }
}
