package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.HostConsole;
import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.OverlayVolume;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.VolumeNames;
import dev.vbench.provisioning.StorageXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/**
 * The {@link dev.vbench.provisioning.Provisioner} storage operations over {@link HostPool}: images pushed and found
 * by recipe hash, overlay volumes, console logs in the pool, a run's volumes removed.
 */
final class HostStorage {
    /** The most of a small text file (cmdline, host key, image.json, manifest, marker) read back. */
    static final int TEXT_MAX_BYTES = 1 << 20;

    private final Connect connect;
    private final String uri;
    private final String targetPath;
    private HostPool pool;

    HostStorage(Connect connect, String uri, String targetPath) {
        this.connect = connect;
        this.uri = uri;
        this.targetPath = targetPath;
    }

    /** The pool, defined if missing. */
    HostPool pool() {
        if (pool == null) {
            pool = HostPool.ensure(connect, uri, targetPath);
        }
        return pool;
    }

    private Optional<HostPool> existingPool() {
        if (pool == null) {
            pool = HostPool.find(connect, uri).orElse(null);
        }
        return Optional.ofNullable(pool);
    }

    ImagePush push(String hash, Map<HostImage.Role, Path> files, boolean makeDefault) {
        VolumeNames.requireHash(hash);
        for (HostImage.Role r : HostImage.Role.REQUIRED) {
            if (!files.containsKey(r)) {
                throw new IllegalArgumentException("an image to push needs its " + r.key() + " file");
            }
        }
        HostPool p = pool();
        Map<HostImage.Role, ImageManifest.Entry> entries = new EnumMap<>(HostImage.Role.class);
        List<String> uploaded = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<HostImage.Role, Path> f : new EnumMap<>(files).entrySet()) {
            Path file = f.getValue();
            String name = VolumeNames.image(hash, file.getFileName().toString());
            long size = localSize(file);
            Optional<StorageVol> there = p.volume(name);
            if (there.isPresent() && p.fileBytes(there.get(), name) == size) {
                reused.add(name);
            } else {
                there.ifPresent(v -> p.delete(name)); // a broken earlier upload
                bytes += p.upload(file, name);
                uploaded.add(name);
            }
            entries.put(f.getKey(), new ImageManifest.Entry(file.getFileName().toString(), size));
        }
        String manifest = new ImageManifest(hash, entries).format();
        String current = text(VolumeNames.manifest(hash)).orElse("");
        if (!current.equals(manifest)) {
            p.write(VolumeNames.manifest(hash), manifest.getBytes(StandardCharsets.UTF_8));
        }
        if (makeDefault && !text(VolumeNames.DEFAULT_MARKER).orElse("").strip().equals(hash)) {
            p.write(VolumeNames.DEFAULT_MARKER, (hash + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HostImage image = find(hash).orElseThrow(() -> new ProvisioningException("push image " + hash,
                "the image is not complete on " + uri + " after the upload"));
        return new ImagePush(image, uploaded, reused, bytes);
    }

    Optional<HostImage> find(String hashOrDefault) {
        if (existingPool().isEmpty()) {
            return Optional.empty();
        }
        String hash = hashOrDefault;
        if (VolumeNames.DEFAULT.equals(hashOrDefault)) {
            Optional<String> marked = text(VolumeNames.DEFAULT_MARKER).map(String::strip);
            if (marked.isEmpty()) {
                return Optional.empty();
            }
            hash = marked.get();
        }
        VolumeNames.requireHash(hash);
        Optional<String> manifestText = text(VolumeNames.manifest(hash));
        if (manifestText.isEmpty()) {
            return Optional.empty();
        }
        String op = "read image " + hash + " on " + uri;
        ImageManifest manifest;
        try {
            manifest = ImageManifest.parse(hash, manifestText.get());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(op, "its manifest is broken (" + e.getMessage() + "); push it again"
                    + " with vbench image push", e);
        }
        Map<HostImage.Role, HostImage.File> files = new EnumMap<>(HostImage.Role.class);
        for (Map.Entry<HostImage.Role, ImageManifest.Entry> e : manifest.files().entrySet()) {
            String name = VolumeNames.image(hash, e.getValue().file());
            StorageVol vol = pool.volume(name).orElseThrow(() -> new ProvisioningException(op, "volume " + name
                    + " is missing; push the image again with vbench image push"));
            long size = pool.fileBytes(vol, name);
            if (size != e.getValue().sizeBytes()) {
                throw new ProvisioningException(op, "volume " + name + " holds " + size + " bytes, not "
                        + e.getValue().sizeBytes() + "; push the image again with vbench image push");
            }
            files.put(e.getKey(), new HostImage.File(e.getValue().file(), name, Path.of(pool.pathOf(vol, name)),
                    size));
        }
        return Optional.of(new HostImage(hash, files, role(files, HostImage.Role.CMDLINE),
                role(files, HostImage.Role.HOST_KEY), role(files, HostImage.Role.DESCRIPTION)));
    }

    private String role(Map<HostImage.Role, HostImage.File> files, HostImage.Role r) {
        HostImage.File f = files.get(r);
        return f == null ? null : text(f.volume()).orElse("");
    }

    OverlayVolume overlay(String name, Path backing, String backingFormat) {
        HostPool p = pool();
        String op = "create overlay volume " + name + " on " + uri;
        String backingPath = backing.toString();
        try {
            StorageVol b = connect.storageVolLookupByPath(backingPath);
            if (!b.storagePoolLookupByVolume().getName().equals(VolumeNames.POOL)) {
                throw new ProvisioningException(op, backingPath + " is not a volume of pool " + VolumeNames.POOL);
            }
        } catch (LibvirtException e) {
            throw new ProvisioningException(op, "backing file " + backingPath + " is no volume of the host's pool ("
                    + e.getMessage() + "); push the image with vbench image push", e);
        }
        if (p.volume(name).isPresent()) {
            throw new ProvisioningException(op, "the volume exists already (left over from an earlier run?);"
                    + " run vbench cleanup");
        }
        StorageVol v = p.create(name, StorageXml.overlayVolume(name, backingPath, backingFormat));
        Path path = Path.of(p.pathOf(v, name));
        return new OverlayVolume() {
            private boolean closed;

            @Override
            public String name() {
                return name;
            }

            @Override
            public Path path() {
                return path;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    p.delete(name);
                    closed = true;
                }
            }
        };
    }

    HostConsole console(String name) {
        HostPool p = pool();
        Path path = Path.of(p.path(), name);
        if (!VolumeNames.runOf(name).isPresent()) {
            throw new IllegalArgumentException("console volume '" + name + "' must be named con-RUN+NAME.log");
        }
        p.refresh();
        p.delete(name); // a leftover of an earlier attempt: virtlogd would append to it
        return new HostConsole() {
            private boolean closed;

            @Override
            public Path path() {
                return path;
            }

            @Override
            public String read(int maxBytes) {
                p.refresh();
                return p.read(name, maxBytes).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    p.refresh();
                    p.delete(name);
                    closed = true;
                }
            }
        };
    }

    List<String> removeRun(String runId) {
        if (existingPool().isEmpty()) {
            return List.of();
        }
        pool.refresh();
        List<String> removed = new ArrayList<>();
        for (String name : pool.names()) {
            if (VolumeNames.ofRun(name, runId) && pool.delete(name)) {
                removed.add(name);
            }
        }
        return removed;
    }

    private Optional<String> text(String volume) {
        return pool.read(volume, TEXT_MAX_BYTES).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static long localSize(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProvisioningException("push image file " + file, "not a regular file (a link or missing)");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new ProvisioningException("push image file " + file, e.getMessage(), e);
        }
    }
}
