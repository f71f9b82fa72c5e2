package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.VolumeNames;
import dev.vbench.provisioning.StorageXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.Stream;

/**
 * vbench's directory pool {@code vbench} on a libvirt host, reached only through libvirt: volumes are
 * created, uploaded, downloaded, listed and deleted with libvirt's storage API and streams, so the same code serves
 * this machine and a remote host. A thin adapter; the names and XML are {@link VolumeNames} and {@link StorageXml}.
 */
final class HostPool {
    /** The pool's directory when vbench defines it. */
    static final String DEFAULT_PATH = "/var/lib/vbench/host-pool";
    /** Bytes read from a file at a time; a chunk of zeros is skipped, not sent. */
    static final int CHUNK = 1 << 20;
    /** Bytes handed to one {@code virStreamSend} (libvirt's own tools send 256 KiB messages). */
    static final int SEND = 256 << 10;

    private final Connect connect;
    private final String uri;
    private final StoragePool pool;
    private final String path;

    private HostPool(Connect connect, String uri, StoragePool pool) {
        this.connect = connect;
        this.uri = uri;
        this.pool = pool;
        String xml = call("read pool " + VolumeNames.POOL, () -> pool.getXMLDesc(0));
        this.path = StorageXml.targetPath(xml).orElseThrow(() -> new ProvisioningException("read pool "
                + VolumeNames.POOL, "the pool on " + uri + " has no target directory; vbench needs a dir pool"));
    }

    /** The pool if it is defined on the host (started if it is not active), else empty; nothing is defined. */
    static Optional<HostPool> find(Connect connect, String uri) {
        try {
            StoragePool p = connect.storagePoolLookupByName(VolumeNames.POOL);
            start(p, uri);
            return Optional.of(new HostPool(connect, uri, p));
        } catch (LibvirtException e) {
            if (is(e, Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL)) {
                return Optional.empty();
            }
            throw LibvirtCall.wrap("look up pool " + VolumeNames.POOL + " on " + uri, e);
        }
    }

    /** The pool, defined on {@code targetPath} (libvirt builds the directory), started and autostarted if missing. */
    static HostPool ensure(Connect connect, String uri, String targetPath) {
        Optional<HostPool> found = find(connect, uri);
        if (found.isPresent()) {
            return found.get();
        }
        String op = "define pool " + VolumeNames.POOL + " on " + uri;
        StoragePool p = LibvirtCall.run(op, () -> connect.storagePoolDefineXML(
                StorageXml.dirPool(VolumeNames.POOL, targetPath), 0));
        LibvirtCall.run(op, () -> {
            p.build(0);
            p.setAutostart(1);
            return null;
        });
        LibvirtCall.run("start pool " + VolumeNames.POOL + " on " + uri, () -> {
            start(p, uri);
            return null;
        });
        return new HostPool(connect, uri, p);
    }

    private static void start(StoragePool p, String uri) throws LibvirtException {
        if (p.isActive() != 1) {
            p.build(0); // a dir pool's build only creates its directory (again)
            p.create(0);
        }
    }

    /** The pool's directory on the host. */
    String path() {
        return path;
    }

    /** The underlying pool (for the tests' teardown). */
    StoragePool pool() {
        return pool;
    }

    /** Rescans the directory: files the domains wrote (console logs) become volumes. */
    void refresh() {
        call("refresh pool " + VolumeNames.POOL, () -> {
            pool.refresh(0);
            return null;
        });
    }

    List<String> names() {
        return Arrays.asList(call("list volumes of pool " + VolumeNames.POOL, pool::listVolumes));
    }

    Optional<StorageVol> volume(String name) {
        try {
            return Optional.of(pool.storageVolLookupByName(name));
        } catch (LibvirtException e) {
            if (is(e, Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) {
                return Optional.empty();
            }
            throw LibvirtCall.wrap("look up volume " + name + " on " + uri, e);
        }
    }

    /** The volume's file size in bytes. */
    long fileBytes(StorageVol vol, String name) {
        String xml = call("read volume " + name, () -> vol.getXMLDesc(0));
        return StorageXml.fileBytes(xml).orElseThrow(() -> new ProvisioningException("read volume " + name,
                "libvirt reports no size"));
    }

    /** The volume's path on the host. */
    String pathOf(StorageVol vol, String name) {
        return call("read the path of volume " + name, vol::getPath);
    }

    /** Creates volume {@code name} from XML {@code xml}. */
    StorageVol create(String name, String xml) {
        return call("create volume " + name + " on " + uri, () -> pool.storageVolCreateXML(xml, 0));
    }

    /**
     * Creates volume {@code name} with the content of {@code file}: every chunk holding a non-zero byte is sent
     * through a stream (a run of such chunks through one), runs of zeros are left as holes, the last chunk is always
     * sent so the file ends at the right size. The size is checked afterwards.
     *
     * @return the bytes sent
     */
    long upload(Path file, String name) {
        String op = "upload " + file + " to volume " + name + " on " + uri;
        StorageVol vol = create(name, StorageXml.uploadVolume(name, 0));
        long sent = 0;
        long size;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            size = in.size();
            Stream stream = null;
            byte[] chunk = new byte[CHUNK];
            byte[] zeros = new byte[CHUNK];
            try {
                for (long pos = 0; pos < size; pos += CHUNK) {
                    int n = VolumeStreams.readFully(in, chunk, pos, (int) Math.min(CHUNK, size - pos));
                    boolean last = pos + n >= size;
                    if (!last && Arrays.equals(chunk, 0, n, zeros, 0, n)) {
                        stream = VolumeStreams.finish(stream);
                        continue;
                    }
                    if (stream == null) {
                        stream = connect.streamNew(0);
                        vol.upload(stream, pos, 0, 0);
                    }
                    VolumeStreams.send(stream, chunk, n);
                    sent += n;
                }
                VolumeStreams.finish(stream);
                stream = null;
            } finally {
                if (stream != null) {
                    VolumeStreams.abort(stream);
                }
            }
        } catch (IOException e) {
            delete(name);
            throw new ProvisioningException(op, "cannot read the file: " + e.getMessage(), e);
        } catch (LibvirtException e) {
            ProvisioningException failure = LibvirtCall.wrap(op, e);
            deleteQuietly(name, failure);
            throw failure;
        }
        long there = fileBytes(vol, name);
        if (there != size) {
            ProvisioningException failure = new ProvisioningException(op, "the volume holds " + there
                    + " bytes after the upload, the file " + size);
            deleteQuietly(name, failure);
            throw failure;
        }
        return sent;
    }

    /** Replaces volume {@code name} by one holding {@code bytes}. */
    void write(String name, byte[] bytes) {
        delete(name);
        String op = "write volume " + name + " on " + uri;
        StorageVol vol = create(name, StorageXml.uploadVolume(name, 0));
        call(op, () -> {
            Stream s = connect.streamNew(0);
            try {
                vol.upload(s, 0, 0, 0);
                VolumeStreams.send(s, bytes, bytes.length);
                VolumeStreams.finish(s);
            } catch (LibvirtException e) {
                VolumeStreams.abort(s);
                throw e;
            }
            return null;
        });
    }

    /** The last {@code maxBytes} bytes of volume {@code name} (all of it when smaller), or empty without it. */
    Optional<byte[]> read(String name, long maxBytes) {
        Optional<StorageVol> vol = volume(name);
        if (vol.isEmpty()) {
            return Optional.empty();
        }
        long size = fileBytes(vol.get(), name);
        long offset = Math.max(0, size - maxBytes);
        return Optional.of(call("download volume " + name + " from " + uri, () -> {
            Stream s = connect.streamNew(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size - offset, CHUNK));
            try {
                vol.get().download(s, offset, size - offset, 0);
                byte[] buffer = new byte[SEND];
                for (int n = s.receive(buffer); n > 0; n = s.receive(buffer)) {
                    out.write(buffer, 0, n);
                }
                VolumeStreams.finish(s);
            } catch (LibvirtException e) {
                VolumeStreams.abort(s);
                throw e;
            }
            return out.toByteArray();
        }));
    }

    /** Deletes volume {@code name}; a volume that is not there counts as deleted. @return whether it was there */
    boolean delete(String name) {
        Optional<StorageVol> vol = volume(name);
        if (vol.isEmpty()) {
            return false;
        }
        try {
            vol.get().delete(0);
            return true;
        } catch (LibvirtException e) {
            if (is(e, Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) {
                return false;
            }
            throw LibvirtCall.wrap("delete volume " + name + " on " + uri, e);
        }
    }

    private void deleteQuietly(String name, ProvisioningException failure) {
        try {
            delete(name);
        } catch (ProvisioningException e) {
            failure.addSuppressed(e);
        }
    }

    private <T> T call(String op, LibvirtCall<T> c) {
        return LibvirtCall.run(op + " (" + uri + ")", c);
    }

    static boolean is(LibvirtException e, Error.ErrorNumber code) {
        return e.getError() != null && e.getError().getCode() == code;
    }
}
